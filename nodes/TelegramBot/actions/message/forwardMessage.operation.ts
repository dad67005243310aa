import { NodeOperationError } from 'n8n-workflow';

import { messageIdProperty, positiveInteger } from '../../helpers/fields';
import { FROM_CHAT_PATTERN, fromChatProperty } from '../../helpers/fromChat';
import { sendOperation } from '../sendOperation';

export const forwardMessage = sendOperation({
	resource: 'message',
	operation: 'forwardMessage',
	label: 'Forward Message',
	method: 'forwardMessage',
	replyMarkup: false,
	properties: [fromChatProperty, messageIdProperty],
	async prepare(ctx, itemIndex) {
		return { body: fromChatBody(ctx, itemIndex, 'Forward Message') };
	},
});

export function fromChatBody(
	ctx: Parameters<Parameters<typeof sendOperation>[0]['prepare']>[0],
	itemIndex: number,
	label: string,
) {
	const fromChatId = String(ctx.getNodeParameter('fromChatId', itemIndex, '')).trim();
	if (!FROM_CHAT_PATTERN.test(fromChatId)) {
		throw new NodeOperationError(ctx.getNode(), `${label}: "${fromChatId}" is not a chat ID`, {
			itemIndex,
		});
	}
	return {
		from_chat_id: fromChatId.startsWith('@') ? fromChatId : Number(fromChatId),
		message_id: positiveInteger(ctx, 'messageId', itemIndex, label, 'Message ID'),
	};
}
