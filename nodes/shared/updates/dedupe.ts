import type { IDataObject } from 'n8n-workflow';

/** Update IDs remembered: Telegram redelivers within minutes, long before this many newer updates. */
export const DEDUPE_WINDOW = 1000;
/** Activations whose in-process window is kept; older ones are long deactivated. */
const ACTIVATIONS_KEPT = 100;

/**
 * Where a trigger remembers the updates it handed to n8n, so a redelivery starts no second
 * execution. IDs are compared as a set, not by order: Telegram picks a random next ID after a
 * week without updates.
 *
 * - Webhook: in this process's memory, per activation (its webhook secret). n8n 2.41 does not save
 *   what a webhook node writes to static data when the request starts an execution, so static
 *   data cannot carry it; after a restart, or in another webhook process of queue mode, the
 *   window starts empty.
 * - Polling: in the node's static data, which n8n saves at each `emit()`; it matters only after a
 *   crash, when updates emitted but not yet confirmed to Telegram come again.
 */
export interface UpdateLedger {
	/** Claims an update for handling; false when it was handed over or is being handled. */
	claim(updateId: number): boolean;
	/** The update reached n8n: a redelivery from now on is a duplicate. Until then it is only pending. */
	handedOver(updateId: number): void;
}

const inProcess = new Map<string, { handled: Set<number>; pending: Set<number> }>();

function remember(ids: Set<number>, updateId: number): void {
	ids.add(updateId);
	if (ids.size > DEDUPE_WINDOW) ids.delete(ids.values().next().value as number);
}

function activationWindow(secret: string) {
	let window = inProcess.get(secret);
	if (!window) {
		window = { handled: new Set(), pending: new Set() };
		inProcess.set(secret, window);
		if (inProcess.size > ACTIVATIONS_KEPT)
			inProcess.delete(inProcess.keys().next().value as string);
	}
	return window;
}

/** The webhook activation's window in this process; a pending ID also stops a concurrent redelivery. */
export function webhookLedger(secret: string): UpdateLedger {
	const { handled, pending } = activationWindow(secret);
	return {
		claim(updateId) {
			if (handled.has(updateId) || pending.has(updateId)) return false;
			pending.add(updateId);
			return true;
		},
		handedOver(updateId) {
			pending.delete(updateId);
			remember(handled, updateId);
		},
	};
}

/** The poller's window in static data: one update at a time, so nothing is ever pending. */
export function staticDataLedger(staticData: IDataObject): UpdateLedger {
	const recent = () =>
		Array.isArray(staticData.recentUpdateIds) ? (staticData.recentUpdateIds as number[]) : [];
	return {
		claim: (updateId) => !recent().includes(updateId),
		handedOver(updateId) {
			// Assigned, not pushed: n8n notices changes to static data by assignment.
			staticData.recentUpdateIds = [...recent().slice(-(DEDUPE_WINDOW - 1)), updateId];
		},
	};
}
