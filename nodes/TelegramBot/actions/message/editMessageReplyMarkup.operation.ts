import { editTargetBody, editTargetProperties } from '../../helpers/chatMessage';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { callOperation } from '../callOperation';

const label = 'Edit Message Reply Markup';

export const editMessageReplyMarkup = callOperation({
	resource: 'message',
	operation: 'editMessageReplyMarkup',
	label,
	method: 'editMessageReplyMarkup',
	output: 'result',
	properties: [...editTargetProperties, ...replyMarkupProperties(INLINE_ONLY)],
	body(ctx, itemIndex) {
		// None removes the buttons: Telegram takes an empty inline keyboard for that.
		const markup = replyMarkupOf(ctx, itemIndex, label) ?? { inline_keyboard: [] };
		return { ...editTargetBody(ctx, itemIndex, label), reply_markup: markup };
	},
});
