import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { chatIdParameter } from '../../helpers/chatId';
import { chatLocator } from '../../helpers/chatLocator';
import { splitText, TEXT_LIMIT, truncateText, visibleLength } from '../../helpers/splitText';
import { optionsWithRetry } from '../../helpers/retryOption';
import { SEND_OPTIONS, sendOptionsBody, type SendOptions } from '../../helpers/sendOptions';
import { callBotApi } from '../../transport';
import type { OperationModule } from '../types';

export const label = 'Send Message';

const properties: INodeProperties[] = [
	chatLocator,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The message, 1–4096 characters after markup is parsed',
	},
	optionsWithRetry([
		...SEND_OPTIONS,
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
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chatId = chatIdParameter(this, 'chatId', itemIndex, label);
	const text = this.getNodeParameter('text', itemIndex) as string;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(this.getNode(), `${label}: the text is empty`, {
			itemIndex,
			description: 'Telegram refuses empty messages. Check the expression that fills Text.',
		});
	}
	const options = this.getNodeParameter('options', itemIndex, {}) as SendOptions & {
		longText?: LongText;
	};
	const parts = fitText(this, itemIndex, text, options.parseMode, options.longText ?? 'split');
	const common = sendOptionsBody(options);
	const sent: INodeExecutionData[] = [];
	// In order, one after the other: the parts must arrive as one text reads.
	for (const part of parts) {
		const body: IDataObject = { chat_id: chatId, text: part, ...common };
		const message = await callBotApi<IDataObject>(this, label, 'sendMessage', body, { itemIndex });
		const json =
			parts.length > 1 ? { ...message, part: sent.length + 1, parts: parts.length } : message;
		sent.push({ json, pairedItem: { item: itemIndex } });
	}
	return sent;
}

type LongText = 'split' | 'truncate' | 'fail';

function fitText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	text: string,
	parseMode: string | undefined,
	mode: LongText,
): string[] {
	const markup = parseMode === 'none' ? undefined : parseMode;
	const length = visibleLength(text, markup);
	if (length <= TEXT_LIMIT) return [text];
	if (mode === 'truncate') return [truncateText(text, markup)];
	if (mode === 'split') return splitText(text, markup);
	throw new NodeOperationError(
		ctx.getNode(),
		`${label}: the text is ${length} characters long, Telegram accepts ${TEXT_LIMIT}`,
		{
			itemIndex,
			description: 'Set Options → Long Text to "Split" or "Truncate", or shorten the text.',
		},
	);
}

export const sendMessage: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['message'], operation: ['sendMessage'] } },
		properties,
	),
	execute,
};
