import { NodeOperationError } from 'n8n-workflow';

import { DEFAULT_MAX_PARTS } from '../../helpers/splitText';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

export const label = 'Send Message';

/** A text message; a long text is split (or truncated, or refused) by the send path. */
export const sendMessage = sendOperation({
	resource: 'message',
	operation: 'sendMessage',
	label,
	method: 'sendMessage',
	formats: 'text',
	properties: [
		{
			displayName: 'Text',
			name: 'text',
			type: 'string',
			typeOptions: { rows: 4 },
			default: '',
			required: true,
			description:
				'The message, 1–4096 characters after markup is parsed (longer texts are split). With Options → Parse Mode "Markdown (Standard)", write Markdown as usual.',
		},
	],
	options: [
		{
			displayName: 'Long Text',
			name: 'longText',
			type: 'options',
			options: [
				{
					name: 'Split Into Several Messages',
					value: 'split',
					description: 'At paragraph, line or word boundaries; markup stays balanced in each part',
				},
				{ name: 'Truncate With an Ellipsis', value: 'truncate' },
				{ name: 'Fail', value: 'fail' },
			],
			default: 'split',
			description: 'What to do with a text over 4096 characters',
		},
		{
			displayName: 'Long Text Part Limit',
			name: 'maxParts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 500 },
			default: DEFAULT_MAX_PARTS,
			description:
				'With Long Text on Split: the most messages one text may become. A longer text fails before anything is sent.',
		},
	],
	async prepare(ctx, itemIndex) {
		const text = parameter(ctx, 'text', itemIndex) as string;
		if (typeof text !== 'string' || text.trim() === '') {
			throw new NodeOperationError(ctx.getNode(), `${label}: the text is empty`, {
				itemIndex,
				description: 'Telegram refuses empty messages. Check the expression that fills Text.',
			});
		}
		return { body: { text } };
	},
});
