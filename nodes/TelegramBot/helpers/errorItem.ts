import type { INodeExecutionData } from 'n8n-workflow';

/** What Continue On Fail puts in place of a failed item: the message, Telegram's hint and the status. */
export function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
			...(error.httpCode ? { httpCode: Number(error.httpCode) } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}
