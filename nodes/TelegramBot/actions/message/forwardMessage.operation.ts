import { messageIdProperty } from '../../helpers/fields';
import { fromChatBody, fromChatProperty } from '../../helpers/fromChat';
import { sendOperation } from '../sendOperation';

export const forwardMessage = sendOperation({
	resource: 'message',
	operation: 'forwardMessage',
	label: 'Forward Message',
	method: 'forwardMessage',
	replyMarkup: false,
	without: ['replyToMessageId'],
	properties: [fromChatProperty, messageIdProperty],
	async prepare(ctx, itemIndex) {
		return { body: fromChatBody(ctx, itemIndex, 'Forward Message') };
	},
});
