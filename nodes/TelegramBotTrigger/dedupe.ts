import type { IDataObject } from 'n8n-workflow';

/** Update IDs remembered: Telegram redelivers within minutes, long before this many newer updates. */
export const DEDUPE_WINDOW = 1000;

/**
 * Telegram sends an update again when the answer was not 2xx or came too late. The last
 * DEDUPE_WINDOW IDs are kept in the node's static data (which n8n saves after each webhook call),
 * so a redelivery starts no second execution. IDs are compared as a set, not by order: Telegram
 * picks a random next ID after a week without updates.
 */
export function seenBefore(staticData: IDataObject, updateId: number): boolean {
	const recent = Array.isArray(staticData.recentUpdateIds)
		? (staticData.recentUpdateIds as number[])
		: [];
	if (recent.includes(updateId)) return true;
	// Assigned, not pushed: n8n notices changes to static data by assignment.
	staticData.recentUpdateIds = [...recent.slice(-(DEDUPE_WINDOW - 1)), updateId];
	return false;
}
