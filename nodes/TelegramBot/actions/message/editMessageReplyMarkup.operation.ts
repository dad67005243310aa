import { chatMessageBody } from '../../helpers/chatMessage';
import { chatLocator } from '../../descriptions/chatLocator';
import { messageIdProperty } from '../../helpers/fields';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { callOperation } from '../callOperation';

const label = 'Edit Message Reply Markup';

export const editMessageReplyMarkup = callOperation({
	resource: 'message',
	operation: 'editMessageReplyMarkup',
	label,
	method: 'editMessageReplyMarkup',
	output: 'result',
	properties: [chatLocator, messageIdProperty, ...replyMarkupProperties(INLINE_ONLY)],
	body(ctx, itemIndex) {
		// None removes the buttons: Telegram takes an empty inline keyboard for that.
		const markup = replyMarkupOf(ctx, itemIndex, label) ?? { inline_keyboard: [] };
		return { ...chatMessageBody(ctx, itemIndex, label), reply_markup: markup };
	},
});
