import type { IDataObject } from 'n8n-workflow';

/** Update IDs remembered: Telegram redelivers within minutes, long before this many newer updates. */
export const DEDUPE_WINDOW = 1000;
/** Activations whose in-process window is kept; older ones are long deactivated. */
const ACTIVATIONS_KEPT = 100;

/**
 * Update IDs being handled in this process, per activation (its webhook secret). n8n reads static
 * data afresh for each request and saves it when the request ends, so a redelivery that arrives
 * while the first answer is still pending (a slow download) cannot see it there.
 */
const inProcess = new Map<string, Set<number>>();

function remember(ids: Set<number>, updateId: number): void {
	ids.add(updateId);
	if (ids.size > DEDUPE_WINDOW) ids.delete(ids.values().next().value as number);
}

/**
 * Telegram sends an update again when the answer was not 2xx or came too late. The last
 * DEDUPE_WINDOW IDs are kept in the node's static data (which n8n saves after each webhook call)
 * and, for the same activation, in this process, so a redelivery starts no second execution. IDs
 * are compared as a set, not by order: Telegram picks a random next ID after a week without updates.
 */
export function seenBefore(staticData: IDataObject, updateId: number): boolean {
	// Only a webhook activation has a secret; a poller reads its updates one call after another.
	const activation = typeof staticData.secretToken === 'string' ? staticData.secretToken : null;
	let pending = activation === null ? undefined : inProcess.get(activation);
	if (activation !== null && !pending) {
		pending = new Set();
		inProcess.set(activation, pending);
		if (inProcess.size > ACTIVATIONS_KEPT)
			inProcess.delete(inProcess.keys().next().value as string);
	}
	const recent = Array.isArray(staticData.recentUpdateIds)
		? (staticData.recentUpdateIds as number[])
		: [];
	if (pending?.has(updateId) || recent.includes(updateId)) return true;
	if (pending) remember(pending, updateId);
	// Assigned, not pushed: n8n notices changes to static data by assignment.
	staticData.recentUpdateIds = [...recent.slice(-(DEDUPE_WINDOW - 1)), updateId];
	return false;
}
