import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions } from 'n8n-workflow';

import { additionalChatIdsOption, chatIdsParameter } from '../../shared/chatId';
import { chatLocator } from '../descriptions/chatLocator';
import { collectDeliveries } from '../helpers/deliveries';
import { RATE_LIMIT_OPTIONS } from '../descriptions/rateLimitOptions';
import { replyMarkupOf, replyMarkupProperties } from '../helpers/replyMarkup';
import { optionsWithRetry } from '../descriptions/retryOption';
import { deliverFormatted, formattingNote } from '../helpers/formattedDelivery';
import { formatText } from '../helpers/formatting';
import { sendOptionsBody, sendOptionsFor, type SendOptions } from '../descriptions/sendOptions';
import {
	CAPTION_LIMIT,
	DEFAULT_MAX_PARTS,
	splitText,
	splitWithin,
	TEXT_LIMIT,
	visibleLength,
} from '../helpers/splitText';
import { deliveryEngine, type DeliveryEngine, type Upload } from '../../shared/transport';
import { itemOptions } from '../../shared/itemOptions';
import { rateLimits } from '../helpers/policy';
import type { OperationModule } from './types';

/** What one item sends, once its parameters are read (a file's metadata may need a request to the binary store). */
export interface Prepared {
	body: IDataObject;
	uploads?: Upload[];
}

export interface SendSpec {
	resource: string;
	operation: string;
	label: string;
	method: string;
	/** The operation's own parameters, shown under Chat. */
	properties: INodeProperties[];
	prepare(ctx: IExecuteFunctions, itemIndex: number): Promise<Prepared>;
	/** Options beyond those every send has. */
	options?: INodeProperties[];
	/** Whether the message can carry buttons (a media group cannot). */
	replyMarkup?: boolean;
	/** Whether Send Options' Parse Mode applies (a caption or text). */
	caption?: boolean;
	/** Send Options the method has no parameter for: Telegram would ignore them, so none is offered. */
	without?: Array<keyof SendOptions>;
}

const CAPTION_OPTION: INodeProperties = {
	displayName: 'Long Caption',
	name: 'longCaption',
	type: 'options',
	options: [
		{
			name: 'Continue in Messages',
			value: 'split',
			description: 'The first 1024 characters go with the media, the rest follow as text messages',
		},
		{ name: 'Fail', value: 'fail' },
	],
	default: 'split',
	description: 'What to do with a caption over 1024 characters',
};

/**
 * A send to one or more chats under the delivery engine: rate limits, per-chat order, 429 and
 * 5xx retries, group migration, and one output item per message sent.
 */
export function sendOperation(spec: SendSpec): OperationModule {
	const withMarkup = spec.replyMarkup !== false;
	const extra = spec.caption ? [CAPTION_OPTION, ...(spec.options ?? [])] : (spec.options ?? []);
	const sendOptions = sendOptionsFor(spec.method).filter(
		(o) =>
			(spec.caption || !['parseMode', 'plainTextFallback'].includes(o.name)) &&
			!spec.without?.includes(o.name as keyof SendOptions),
	);
	// Only what is offered reaches the request, also from a workflow saved before an option went.
	const offered = new Set(sendOptions.map((o) => o.name));
	const properties: INodeProperties[] = [
		chatLocator,
		...spec.properties,
		...(withMarkup ? replyMarkupProperties() : []),
		optionsWithRetry([...sendOptions, ...RATE_LIMIT_OPTIONS, additionalChatIdsOption, ...extra]),
	];

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const chatIds = chatIdsParameter(this, itemIndex, spec.label);
		const options = itemOptions<SendOptions & IDataObject>(this, itemIndex);
		const markup = withMarkup ? replyMarkupOf(this, itemIndex, spec.label) : undefined;
		const sendOptionValues = Object.fromEntries(
			Object.entries(options).filter(([name]) => offered.has(name)),
		) as SendOptions;
		const common = {
			...sendOptionsBody(sendOptionValues),
			...(markup ? { reply_markup: markup } : {}),
		};
		const engine = deliveryEngine(this, rateLimits(this, itemIndex));
		const prepared = spec.prepare(this, itemIndex);
		// Awaited inside each chat's queue; this only keeps an early failure from being reported as unhandled.
		prepared.catch(() => undefined);
		const deliveries = chatIds.map(
			async (chatId) =>
				await engine.inChatOrder(chatId, async () => {
					const { body, uploads } = await prepared;
					const caption = typeof body.caption === 'string' ? body.caption : undefined;
					const formatted = caption ? { caption: formatText(caption, options.parseMode) } : {};
					const full = { ...common, ...body, ...formatted };
					const messages = fitCaption(this, itemIndex, spec.label, full, options);
					const fallback = options.plainTextFallback !== false;
					return await sendAll(this, engine, itemIndex, chatId, messages, uploads ?? [], fallback);
				}),
		);
		return await collectDeliveries(this, itemIndex, chatIds, deliveries);
	}

	/** One after the other in the chat's queue; a migration applies to the rest. */
	async function sendAll(
		ctx: IExecuteFunctions,
		engine: DeliveryEngine,
		itemIndex: number,
		chatId: string | number,
		messages: Array<{ method: string; body: IDataObject }>,
		uploads: Upload[],
		fallback: boolean,
	): Promise<INodeExecutionData[]> {
		const sent: INodeExecutionData[] = [];
		let target = chatId;
		let migratedToChatId: number | undefined;
		for (const [index, message] of messages.entries()) {
			const method = message.method === 'self' ? spec.method : message.method;
			const delivery = await deliverFormatted<IDataObject | IDataObject[]>(
				ctx,
				engine,
				spec.label,
				method,
				{ ...message.body, chat_id: target },
				itemIndex,
				index === 0 ? uploads : [],
				fallback,
			);
			if (delivery.migratedToChatId !== undefined) {
				migratedToChatId = delivery.migratedToChatId;
				target = migratedToChatId;
			}
			const results = Array.isArray(delivery.result) ? delivery.result : [delivery.result];
			for (const result of results) {
				const json: IDataObject = typeof result === 'object' ? { ...result } : { ok: result };
				Object.assign(json, formattingNote(delivery));
				if (messages.length > 1) Object.assign(json, { part: index + 1, parts: messages.length });
				if (migratedToChatId !== undefined) json.migratedToChatId = migratedToChatId;
				sent.push({ json, pairedItem: { item: itemIndex } });
			}
		}
		return sent;
	}

	return {
		label: spec.label,
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: [spec.operation] } },
			properties,
		),
		execute,
		concurrent: true,
	};
}

/** A caption over 1024 characters: the first part with the media, the rest as text messages after it. */
function fitCaption(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	body: IDataObject,
	options: IDataObject,
): Array<{ method: string; body: IDataObject }> {
	const caption = typeof body.caption === 'string' ? body.caption : '';
	const markup = typeof body.parse_mode === 'string' ? body.parse_mode : undefined;
	const length = visibleLength(caption, markup);
	if (length <= CAPTION_LIMIT) return [{ method: 'self', body }];
	if (options.longCaption === 'fail') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: the caption is ${length} characters long, Telegram accepts ${CAPTION_LIMIT}`,
			{
				itemIndex,
				description: 'Set Options → Long Caption to "Continue in Messages", or shorten it.',
			},
		);
	}
	// A caption of megabytes is refused before it is cut into thousands of messages.
	const within = splitWithin(caption, markup, TEXT_LIMIT, DEFAULT_MAX_PARTS);
	if ('needed' in within) {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: the caption would need at least ${within.needed} messages, more than ${DEFAULT_MAX_PARTS}`,
			{ itemIndex, description: 'Shorten the caption, or send the text as a document.' },
		);
	}
	const [first, ...rest] = splitText(caption, markup, CAPTION_LIMIT);
	const follow = splitText(rest.join('\n'), markup, TEXT_LIMIT).map((text) => ({
		method: 'sendMessage',
		body: {
			text,
			...(markup ? { parse_mode: markup } : {}),
			...(body.message_thread_id ? { message_thread_id: body.message_thread_id } : {}),
			...(body.disable_notification ? { disable_notification: true } : {}),
			...(body.protect_content ? { protect_content: true } : {}),
		},
	}));
	return [{ method: 'self', body: { ...body, caption: first } }, ...follow];
}
