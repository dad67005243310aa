import { editTargetBody, editTargetProperties } from '../../helpers/chatMessage';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { formatText } from '../../helpers/formatting';
import { SEND_OPTIONS, sendOptionsBody } from '../../descriptions/sendOptions';
import { callOperation } from '../callOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Edit Message Caption';

export const editMessageCaption = callOperation({
	resource: 'message',
	operation: 'editMessageCaption',
	label,
	method: 'editMessageCaption',
	output: 'result',
	properties: [
		...editTargetProperties,
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			default: '',
			description: 'The new caption; empty removes it',
		},
		...replyMarkupProperties(INLINE_ONLY),
	],
	options: SEND_OPTIONS.filter((o) => o.name === 'parseMode' || o.name === 'showCaptionAboveMedia'),
	body(ctx, itemIndex) {
		const markup = replyMarkupOf(ctx, itemIndex, label);
		const options = parameter(ctx, 'options', itemIndex, {}) as { parseMode?: string };
		return {
			...editTargetBody(ctx, itemIndex, label),
			caption: formatText(parameter(ctx, 'caption', itemIndex, '') as string, options.parseMode),
			...sendOptionsBody(options),
			...(markup ? { reply_markup: markup } : {}),
		};
	},
});
