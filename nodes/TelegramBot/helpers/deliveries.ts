import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { errorItem } from './errorItem';

/**
 * One output item per message sent, in chat-list order. When the item went to several chats, a
 * failed delivery becomes an error item naming its chat under Continue On Fail, so the others are
 * not lost; otherwise the first failure fails the item.
 */
export async function collectDeliveries(
	ctx: IExecuteFunctions,
	itemIndex: number,
	chatIds: Array<string | number>,
	deliveries: Array<Promise<INodeExecutionData[]>>,
): Promise<INodeExecutionData[]> {
	const settled = await Promise.allSettled(deliveries);
	const output: INodeExecutionData[] = [];
	for (const [index, outcome] of settled.entries()) {
		if (outcome.status === 'fulfilled') {
			output.push(...outcome.value);
			continue;
		}
		if (chatIds.length === 1 || !ctx.continueOnFail()) throw outcome.reason;
		const item = errorItem(ctx.getNode(), outcome.reason, itemIndex);
		item.json.chatId = chatIds[index];
		output.push(item);
	}
	return output;
}
