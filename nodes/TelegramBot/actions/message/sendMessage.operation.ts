import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { additionalChatIdsOption, chatIdsParameter } from '../../../shared/chatId';
import { chatLocator } from '../../descriptions/chatLocator';
import { collectDeliveries } from '../../helpers/deliveries';
import { RATE_LIMIT_OPTIONS } from '../../descriptions/rateLimitOptions';
import { replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import {
	DEFAULT_MAX_PARTS,
	splitWithin,
	TEXT_LIMIT,
	truncateText,
	visibleLength,
} from '../../helpers/splitText';
import { optionsWithRetry } from '../../descriptions/retryOption';
import { sendOptionsBody, sendOptionsFor, type SendOptions } from '../../descriptions/sendOptions';
import { deliverFormatted, formattingNote } from '../../helpers/formattedDelivery';
import { formatText, telegramParseMode } from '../../helpers/formatting';
import { deliveryEngine, type DeliveryEngine } from '../../../shared/transport';
import { itemOptions } from '../../../shared/itemOptions';
import { rateLimits } from '../../helpers/policy';
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
		description:
			'The message, 1–4096 characters after markup is parsed (longer texts are split). With Options → Parse Mode "Markdown (Standard)", write Markdown as usual.',
	},
	...replyMarkupProperties(),
	optionsWithRetry([
		...sendOptionsFor('sendMessage'),
		...RATE_LIMIT_OPTIONS,
		additionalChatIdsOption,
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
	]),
];

async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	const chatIds = chatIdsParameter(this, itemIndex, label);
	const text = this.getNodeParameter('text', itemIndex) as string;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(this.getNode(), `${label}: the text is empty`, {
			itemIndex,
			description: 'Telegram refuses empty messages. Check the expression that fills Text.',
		});
	}
	const options = itemOptions<SendOptions & { longText?: LongText; maxParts?: number }>(
		this,
		itemIndex,
	);
	const parts = fitText(
		this,
		itemIndex,
		formatText(text, options.parseMode),
		telegramParseMode(options.parseMode),
		options.longText ?? 'split',
		{ maxParts: options.maxParts || DEFAULT_MAX_PARTS },
	);
	const common = sendOptionsBody(options);
	const markup = replyMarkupOf(this, itemIndex, label);
	const engine = deliveryEngine(this, rateLimits(this, itemIndex));
	// Queued now, before any await, so that each chat receives the items in input order.
	const deliveries = chatIds.map(
		async (chatId) =>
			await engine.inChatOrder(
				chatId,
				async () =>
					await sendParts(
						this,
						engine,
						itemIndex,
						chatId,
						parts,
						common,
						markup,
						options.plainTextFallback,
					),
			),
	);
	return await collectDeliveries(this, itemIndex, chatIds, deliveries);
}

/** The parts one after the other, so they arrive as the text reads; a migration applies to the rest. */
async function sendParts(
	ctx: IExecuteFunctions,
	engine: DeliveryEngine,
	itemIndex: number,
	chatId: string | number,
	parts: string[],
	common: IDataObject,
	markup: IDataObject | undefined,
	plainTextFallback = true,
): Promise<INodeExecutionData[]> {
	const sent: INodeExecutionData[] = [];
	let target = chatId;
	let migratedToChatId: number | undefined;
	for (const [index, part] of parts.entries()) {
		// Buttons go under the end of the text: on the last part of a split message.
		const last = markup && index === parts.length - 1;
		const body = {
			...common,
			chat_id: target,
			text: part,
			...(last ? { reply_markup: markup } : {}),
		};
		const delivery = await deliverFormatted<IDataObject>(
			ctx,
			engine,
			label,
			'sendMessage',
			body,
			itemIndex,
			[],
			plainTextFallback,
		);
		if (delivery.migratedToChatId !== undefined) {
			migratedToChatId = delivery.migratedToChatId;
			target = migratedToChatId;
		}
		const json: IDataObject = { ...delivery.result, ...formattingNote(delivery) };
		if (parts.length > 1) Object.assign(json, { part: sent.length + 1, parts: parts.length });
		if (migratedToChatId !== undefined) json.migratedToChatId = migratedToChatId;
		sent.push({ json, pairedItem: { item: itemIndex } });
	}
	return sent;
}

type LongText = 'split' | 'truncate' | 'fail';

function fitText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	text: string,
	markup: string | undefined,
	mode: LongText,
	{ maxParts }: { maxParts: number },
): string[] {
	// Counted only as far as the limit: a text of megabytes is not read to the end here.
	const length = visibleLength(text, markup, TEXT_LIMIT);
	if (length <= TEXT_LIMIT) return [text];
	if (mode === 'truncate') return [truncateText(text, markup)];
	if (mode === 'split') {
		const split = splitWithin(text, markup, TEXT_LIMIT, maxParts);
		if ('parts' in split) return split.parts;
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: the text would need at least ${split.needed} messages, more than the Long Text Part Limit of ${maxParts}`,
			{
				itemIndex,
				description:
					'Shorten the text, send it as a document, or raise Options → Long Text Part Limit.',
			},
		);
	}
	throw new NodeOperationError(
		ctx.getNode(),
		`${label}: the text is ${markup ? `over ${TEXT_LIMIT}` : length} characters long, Telegram accepts ${TEXT_LIMIT}`,
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
	concurrent: true,
};
