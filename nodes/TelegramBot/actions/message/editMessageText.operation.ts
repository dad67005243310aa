import { editTargetBody, editTargetProperties } from '../../helpers/chatMessage';
import { requiredText } from '../../helpers/fields';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { formatText } from '../../helpers/formatting';
import { sendOptionsBody, sendOptionsFor } from '../../descriptions/sendOptions';
import { TEXT_LIMIT } from '../../helpers/splitText';
import { callOperation } from '../callOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Edit Message Text';

export const editMessageText = callOperation({
	resource: 'message',
	operation: 'editMessageText',
	label,
	method: 'editMessageText',
	output: 'result',
	properties: [
		...editTargetProperties,
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
	options: sendOptionsFor('editMessageText').filter((o) =>
		[
			'parseMode',
			'disableLinkPreview',
			'linkPreviewUrl',
			'linkPreviewSize',
			'linkPreviewAboveText',
		].includes(o.name),
	),
	body(ctx, itemIndex) {
		const markup = replyMarkupOf(ctx, itemIndex, label);
		const options = parameter(ctx, 'options', itemIndex, {}) as { parseMode?: string };
		return {
			...editTargetBody(ctx, itemIndex, label),
			text: formatText(
				requiredText(ctx, 'text', itemIndex, label, 'the text', TEXT_LIMIT),
				options.parseMode,
			),
			...sendOptionsBody(options),
			...(markup ? { reply_markup: markup } : {}),
		};
	},
});
