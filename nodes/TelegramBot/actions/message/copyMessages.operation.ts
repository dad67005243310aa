import { messageIdsParameter, messageIdsProperty } from '../../helpers/chatMessage';
import { fromChatBody, fromChatProperty } from '../../helpers/fromChat';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Copy Messages';

/** Several messages copied without a link to the original; one output item per message (its new message_id). */
export const copyMessages = sendOperation({
	resource: 'message',
	operation: 'copyMessages',
	label,
	method: 'copyMessages',
	replyMarkup: false,
	without: ['replyToMessageId'],
	properties: [fromChatProperty, messageIdsProperty],
	options: [
		{
			displayName: 'Remove Captions',
			name: 'removeCaption',
			type: 'boolean',
			default: false,
			description: 'Whether the copies are sent without their captions',
		},
	],
	async prepare(ctx, itemIndex) {
		const { from_chat_id } = fromChatBody(ctx, itemIndex, label, false);
		return {
			body: {
				from_chat_id,
				message_ids: messageIdsParameter(ctx, itemIndex, label),
				...(parameter(ctx, 'options.removeCaption', itemIndex, false)
					? { remove_caption: true }
					: {}),
			},
		};
	},
});
