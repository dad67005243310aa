import type { INode, INodeExecutionData } from 'n8n-workflow';

import { nodeError } from '../../shared/nodeError';

/** What Continue On Fail puts in place of a failed item: the message, Telegram's hint and the status. */
export function errorItem(node: INode, failure: unknown, itemIndex: number): INodeExecutionData {
	const error: Error & { description?: string | null; httpCode?: string | null } = nodeError(
		node,
		failure,
		itemIndex,
	);
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
			...(error.httpCode ? { httpCode: Number(error.httpCode) } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}
