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
import {
	deliverFormatted,
	formattingNote,
	type FormattedDelivery,
} from '../helpers/formattedDelivery';
import { formatText, telegramParseMode } from '../helpers/formatting';
import { sendOptionsBody, sendOptionsFor, type SendOptions } from '../descriptions/sendOptions';
import {
	CAPTION_LIMIT,
	DEFAULT_MAX_PARTS,
	splitText,
	splitWithin,
	TEXT_LIMIT,
	truncateText,
	visibleLength,
} from '../helpers/splitText';
import { deliveryEngine, type Upload } from '../../shared/transport';
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
	/**
	 * The field Send Options' Parse Mode formats: a message's `text` (split into several messages
	 * when long) or a media's `caption` (continued in messages when long). None: no parse mode.
	 */
	formats?: 'text' | 'caption';
	/** Send Options the method has no parameter for: Telegram would ignore them, so none is offered. */
	without?: Array<keyof SendOptions>;
}

/** One request of a send: `self` is the operation's own method. */
export interface Message {
	method: string;
	body: IDataObject;
}

/** What one item sends to each of its chats, in order; the first message carries the files. */
export interface SendPlan {
	messages: Message[];
	uploads?: Upload[];
	/** Whether a message whose markup Telegram refuses goes again as plain text. */
	fallback: boolean;
}

/** The output items of one answer: a Message object, the messages of a media group, or `true`. */
export type ResultItems = (result: unknown) => IDataObject[];

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
	const extra =
		spec.formats === 'caption' ? [CAPTION_OPTION, ...(spec.options ?? [])] : (spec.options ?? []);
	// Only the options the method has parameters for (link preview on texts, effects on new messages…);
	// parse mode and its fallback only where there is a text or caption to format.
	const sendOptions = sendOptionsFor(spec.method).filter(
		(o) =>
			(spec.formats !== undefined || !['parseMode', 'plainTextFallback'].includes(o.name)) &&
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

	async function plan(ctx: IExecuteFunctions, itemIndex: number): Promise<SendPlan> {
		const options = itemOptions<SendOptions & FitOptions & IDataObject>(ctx, itemIndex);
		const markup = withMarkup ? replyMarkupOf(ctx, itemIndex, spec.label) : undefined;
		const sendOptionValues = Object.fromEntries(
			Object.entries(options).filter(([name]) => offered.has(name)),
		) as SendOptions;
		const common = sendOptionsBody(sendOptionValues);
		const { body, uploads } = await spec.prepare(ctx, itemIndex);
		const full = { ...common, ...body };
		const messages =
			spec.formats === 'text'
				? fitText(ctx, itemIndex, spec.label, full, options, markup)
				: fitCaption(ctx, itemIndex, spec.label, full, options, markup);
		return { messages, uploads, fallback: options.plainTextFallback !== false };
	}

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const chatIds = chatIdsParameter(this, itemIndex, spec.label);
		const messages = plan(this, itemIndex).then((planned) => ({
			...planned,
			messages: planned.messages.map((m) =>
				m.method === 'self' ? { ...m, method: spec.method } : m,
			),
		}));
		return await sendToChats(this, itemIndex, spec.label, chatIds, messages, sentItems);
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

/** A Message object is one item, a media group's array one per message, `true` (a chat action) `{ ok: true }`. */
const sentItems: ResultItems = (result) =>
	(Array.isArray(result) ? result : [result]).map((one) =>
		typeof one === 'object' && one !== null ? { ...(one as IDataObject) } : { ok: one as boolean },
	);

/**
 * The one path every send takes, splitting included: the item's plan goes to each chat in the
 * chat's order (queued before the first `await`, so each chat gets the items in input order),
 * its messages one after the other, under the delivery engine's budgets and retries. A plan that
 * cannot be made (bad input) fails the item once, before any request; a failed chat of several
 * becomes an error item naming it under Continue On Fail.
 */
export async function sendToChats(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	chatIds: Array<string | number>,
	planned: Promise<SendPlan>,
	itemsOf: ResultItems = sentItems,
): Promise<INodeExecutionData[]> {
	const engine = deliveryEngine(ctx, rateLimits(ctx, itemIndex));
	// Awaited below and inside each chat's queue; this only keeps a failure from being reported as unhandled.
	planned.catch(() => undefined);
	const deliveries = chatIds.map(
		async (chatId) =>
			await engine.inChatOrder(chatId, async () => {
				const plan = await planned;
				const sent: INodeExecutionData[] = [];
				let target = chatId;
				let migratedToChatId: number | undefined;
				for (const [index, message] of plan.messages.entries()) {
					const delivery: FormattedDelivery<unknown> = await deliverFormatted(
						ctx,
						engine,
						label,
						message.method,
						{ ...message.body, chat_id: target },
						itemIndex,
						index === 0 ? (plan.uploads ?? []) : [],
						plan.fallback,
					);
					// A group upgraded to a supergroup: the rest goes to its new ID.
					if (delivery.migratedToChatId !== undefined) {
						migratedToChatId = delivery.migratedToChatId;
						target = migratedToChatId;
					}
					for (const json of itemsOf(delivery.result)) {
						Object.assign(json, formattingNote(delivery));
						if (plan.messages.length > 1)
							Object.assign(json, { part: index + 1, parts: plan.messages.length });
						if (migratedToChatId !== undefined) json.migratedToChatId = migratedToChatId;
						sent.push({ json, pairedItem: { item: itemIndex } });
					}
				}
				return sent;
			}),
	);
	// A plan that cannot be made fails the item once, not once per chat: its own error, rethrown by the await.
	const [made] = await Promise.allSettled([planned]);
	if (made.status === 'rejected') {
		await Promise.allSettled(deliveries);
		await planned;
	}
	return await collectDeliveries(ctx, itemIndex, chatIds, deliveries);
}

interface FitOptions {
	parseMode?: string;
	longText?: 'split' | 'truncate' | 'fail';
	maxParts?: number;
	longCaption?: 'split' | 'fail';
}

/** A text over 4096 characters: split (buttons under the last part), truncated, or refused. */
function fitText(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	body: IDataObject,
	options: FitOptions,
	markup: IDataObject | undefined,
): Message[] {
	const text = formatText(String(body.text ?? ''), options.parseMode);
	const parseMode = telegramParseMode(options.parseMode);
	const parts = textParts(ctx, itemIndex, label, text, parseMode, options);
	return parts.map((part, index) => ({
		method: 'self',
		body: {
			...body,
			text: part,
			...(markup && index === parts.length - 1 ? { reply_markup: markup } : {}),
		},
	}));
}

function textParts(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	text: string,
	markup: string | undefined,
	options: FitOptions,
): string[] {
	// Counted only as far as the limit: a text of megabytes is not read to the end here.
	const length = visibleLength(text, markup, TEXT_LIMIT);
	if (length <= TEXT_LIMIT) return [text];
	const mode = options.longText ?? 'split';
	if (mode === 'truncate') return [truncateText(text, markup)];
	if (mode === 'split') {
		const maxParts = options.maxParts || DEFAULT_MAX_PARTS;
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

/** A caption over 1024 characters: the first part with the media, the rest as text messages after it. */
function fitCaption(
	ctx: IExecuteFunctions,
	itemIndex: number,
	label: string,
	unformatted: IDataObject,
	options: FitOptions,
	replyMarkup: IDataObject | undefined,
): Message[] {
	const withMarkup = replyMarkup ? { reply_markup: replyMarkup } : {};
	if (typeof unformatted.caption !== 'string' || !unformatted.caption)
		return [{ method: 'self', body: { ...unformatted, ...withMarkup } }];
	const caption = formatText(unformatted.caption, options.parseMode);
	const body: IDataObject = { ...unformatted, ...withMarkup, caption };
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
			...(body.allow_paid_broadcast ? { allow_paid_broadcast: true } : {}),
		},
	}));
	return [{ method: 'self', body: { ...body, caption: first } }, ...follow];
}
