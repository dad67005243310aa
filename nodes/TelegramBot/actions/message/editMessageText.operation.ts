import { chatMessageBody } from '../../helpers/chatMessage';
import { chatLocator } from '../../descriptions/chatLocator';
import { messageIdProperty, requiredText } from '../../helpers/fields';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { formatText } from '../../helpers/formatting';
import { SEND_OPTIONS, sendOptionsBody } from '../../descriptions/sendOptions';
import { TEXT_LIMIT } from '../../helpers/splitText';
import { callOperation } from '../callOperation';

const label = 'Edit Message Text';

export const editMessageText = callOperation({
	resource: 'message',
	operation: 'editMessageText',
	label,
	method: 'editMessageText',
	output: 'result',
	properties: [
		chatLocator,
		messageIdProperty,
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
		},
		...replyMarkupProperties(INLINE_ONLY),
	],
	options: SEND_OPTIONS.filter((o) => o.name === 'parseMode' || o.name === 'disableLinkPreview'),
	body(ctx, itemIndex) {
		const markup = replyMarkupOf(ctx, itemIndex, label);
		const options = ctx.getNodeParameter('options', itemIndex, {}) as { parseMode?: string };
		return {
			...chatMessageBody(ctx, itemIndex, label),
			text: formatText(
				requiredText(ctx, 'text', itemIndex, label, 'the text', TEXT_LIMIT),
				options.parseMode,
			),
			...sendOptionsBody(options),
			...(markup ? { reply_markup: markup } : {}),
		};
	},
});
