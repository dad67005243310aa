import { messageIdsParameter, messageIdsProperty } from '../../helpers/chatMessage';
import { fromChatBody, fromChatProperty } from '../../helpers/fromChat';
import { sendOperation } from '../sendOperation';

const label = 'Forward Messages';

/** Several messages of one chat forwarded at once: albums stay albums; one output item per message. */
export const forwardMessages = sendOperation({
	resource: 'message',
	operation: 'forwardMessages',
	label,
	method: 'forwardMessages',
	replyMarkup: false,
	without: ['replyToMessageId'],
	properties: [fromChatProperty, messageIdsProperty],
	async prepare(ctx, itemIndex) {
		const { from_chat_id } = fromChatBody(ctx, itemIndex, label, false);
		return { body: { from_chat_id, message_ids: messageIdsParameter(ctx, itemIndex, label) } };
	},
});
