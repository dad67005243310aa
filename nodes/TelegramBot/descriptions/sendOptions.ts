import type { ApiMethods } from '@grammyjs/types';
import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { UserError } from 'n8n-workflow';

import { telegramParseMode } from '../helpers/formatting';

export interface SendOptions {
	parseMode?: string;
	disableNotification?: boolean;
	protectContent?: boolean;
	disableLinkPreview?: boolean;
	/** Text in new workflows (empty means none); numbers in workflows saved before. */
	replyToMessageId?: number | string;
	messageThreadId?: number | string;
	plainTextFallback?: boolean;
	linkPreviewUrl?: string;
	linkPreviewSize?: '' | 'small' | 'large';
	linkPreviewAboveText?: boolean;
	showCaptionAboveMedia?: boolean;
	messageEffectId?: string;
	businessConnectionId?: string;
	allowPaidBroadcast?: boolean;
}

/** Options every send shares (each send adds the retry limit with optionsWithRetry). No parse mode unless asked: a forced Markdown mangles plain text. */
export const SEND_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Parse Mode',
		name: 'parseMode',
		type: 'options',
		options: [
			{ name: 'HTML', value: 'HTML' },
			{ name: 'Markdown (Legacy)', value: 'Markdown' },
			{
				name: 'Markdown (Standard)',
				value: 'commonMark',
				description:
					'Markdown as people and AI models write it (**bold**, lists, headings, tables, code blocks), converted so Telegram always accepts it',
			},
			{ name: 'MarkdownV2', value: 'MarkdownV2' },
			{ name: 'None (Plain Text)', value: 'none' },
		],
		default: 'none',
		description: 'How Telegram reads markup in the text',
	},
	{
		displayName: 'Fall Back to Plain Text',
		name: 'plainTextFallback',
		type: 'boolean',
		default: true,
		description:
			'Whether a message whose markup Telegram refuses ("can\'t parse entities") is sent again without formatting instead of failing; the output item then has formattingDropped: true',
	},
	{
		displayName: 'Disable Link Preview',
		name: 'disableLinkPreview',
		type: 'boolean',
		default: false,
		description: 'Whether to send links without a preview card',
	},
	{
		displayName: 'Link Preview URL',
		name: 'linkPreviewUrl',
		type: 'string',
		default: '',
		placeholder: 'e.g. https://status.example.com/incident/42',
		description:
			'The link the preview card shows; empty for the first link in the text. Ignored with Disable Link Preview.',
	},
	{
		displayName: 'Link Preview Size',
		name: 'linkPreviewSize',
		type: 'options',
		options: [
			{ name: 'Automatic', value: '' },
			{ name: 'Small Media', value: 'small' },
			{ name: 'Large Media', value: 'large' },
		],
		default: '',
		description:
			"The size of the preview's picture, where the page allows both; Telegram decides otherwise",
	},
	{
		displayName: 'Link Preview Above Text',
		name: 'linkPreviewAboveText',
		type: 'boolean',
		default: false,
		description: 'Whether the preview card is shown above the text instead of below',
	},
	{
		displayName: 'Caption Above Media',
		name: 'showCaptionAboveMedia',
		type: 'boolean',
		default: false,
		description: 'Whether the caption is shown above the photo, video or animation',
	},
	{
		displayName: 'Message Effect ID',
		name: 'messageEffectId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 5104841245755180586',
		description:
			'An animated effect played when the message arrives (e.g. 5104841245755180586 🔥, 5107584321108051014 👍, 5046509860389126442 🎉); private chats only',
	},
	{
		displayName: 'Business Connection ID',
		name: 'businessConnectionId',
		type: 'string',
		default: '',
		description:
			'Send on behalf of a connected business account: the business_connection_id from a Business Connection or Business Message update',
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToMessageId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 4711',
		description:
			'ID of a message in the same chat to answer; empty for none. Sent anyway if that message is gone.',
	},
	{
		displayName: 'Topic (Thread) ID',
		name: 'messageThreadId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 12',
		description: 'Topic of a forum supergroup to post in; empty for the General topic',
	},
	{
		displayName: 'Send Silently',
		name: 'disableNotification',
		type: 'boolean',
		default: false,
		description: 'Whether recipients get the message without a sound',
	},
	{
		displayName: 'Protect Content',
		name: 'protectContent',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the message from being forwarded or saved',
	},
	{
		displayName: 'Paid Broadcast',
		name: 'allowPaidBroadcast',
		type: 'boolean',
		default: false,
		description:
			'Whether to send up to 1,000 messages a second instead of 30. Costs money: Telegram charges the bot 0.1 Telegram Stars for every message above the free 30 a second (the bot needs a Star balance of at least 10,000).',
	},
];

type Method = keyof ApiMethods<unknown>;

const LINK_PREVIEW: Method[] = ['sendMessage', 'editMessageText'];
/** The sends that make a new message of their own (not a forward or copy of another). */
const NEW_MESSAGE_SENDS: Method[] = [
	'sendMessage',
	'sendPhoto',
	'sendAudio',
	'sendDocument',
	'sendVideo',
	'sendAnimation',
	'sendVoice',
	'sendVideoNote',
	'sendMediaGroup',
	'sendLocation',
	'sendVenue',
	'sendContact',
	'sendPoll',
	'sendDice',
	'sendSticker',
];
/**
 * Options only some methods have a parameter for (as the Bot API schema says): a send offers them
 * only where Telegram would not ignore them. Options not named here are on every send.
 */
const ONLY_FOR: Record<string, readonly Method[]> = {
	disableLinkPreview: LINK_PREVIEW,
	linkPreviewUrl: LINK_PREVIEW,
	linkPreviewSize: LINK_PREVIEW,
	linkPreviewAboveText: LINK_PREVIEW,
	showCaptionAboveMedia: [
		'sendPhoto',
		'sendVideo',
		'sendAnimation',
		'copyMessage',
		'editMessageCaption',
	],
	messageEffectId: [...NEW_MESSAGE_SENDS, 'forwardMessage', 'copyMessage'],
	businessConnectionId: NEW_MESSAGE_SENDS,
	// Not on forwards, nor on copyMessages (plural): the Bot API has no allow_paid_broadcast there.
	allowPaidBroadcast: [...NEW_MESSAGE_SENDS, 'copyMessage'],
};

/** The send options a method has parameters for. */
export function sendOptionsFor(method: string): INodeProperties[] {
	return SEND_OPTIONS.filter((option) => {
		const only = ONLY_FOR[option.name];
		return !only || only.includes(method as Method);
	});
}

/**
 * The order options are listed in under "Add option": n8n's editor keeps a collection's declared
 * order (it sorts nothing), so the common ones come first, grouped by purpose. Options not named
 * here (an operation's own) go after the reply group, before the limits.
 */
const OPTION_GROUPS: string[][] = [
	// formatting
	[
		'parseMode',
		'plainTextFallback',
		'disableLinkPreview',
		'linkPreviewUrl',
		'linkPreviewSize',
		'linkPreviewAboveText',
		'showCaptionAboveMedia',
		'messageEffectId',
		'longText',
		'maxParts',
		'longCaption',
	],
	// reply and buttons
	['replyToMessageId', 'messageThreadId', 'businessConnectionId'],
	// delivery and limits
	[
		'disableNotification',
		'protectContent',
		'allowPaidBroadcast',
		'additionalChatIds',
		'messagesPerSecond',
		'messagesPerChatPerSecond',
		'messagesPerGroupPerMinute',
	],
	// advanced
	['requestTimeout', 'retryWaitLimit'],
];
const RANK = new Map(OPTION_GROUPS.flat().map((name, index) => [name, index]));
const UNLISTED_RANK = RANK.get('disableNotification')! - 0.5;

/** Options in purpose order; a stable sort keeps an operation's own options in their given order. */
export function byPurpose(options: INodeProperties[]): INodeProperties[] {
	const rank = (option: INodeProperties) => RANK.get(option.name) ?? UNLISTED_RANK;
	return [...options].sort((a, b) => rank(a) - rank(b));
}

/** A message or topic ID: empty (or 0, as saved by older workflows) means none. */
function optionalId(label: string, value: number | string | undefined): number | undefined {
	const text = String(value ?? '').trim();
	if (text === '' || text === '0') return undefined;
	if (!/^[1-9]\d{0,15}$/.test(text)) {
		throw new UserError(`${label} must be a positive whole number, got "${text.slice(0, 40)}"`);
	}
	return Number(text);
}

export function sendOptionsBody(options: SendOptions): IDataObject {
	const body: IDataObject = {};
	const parseMode = telegramParseMode(options.parseMode);
	if (parseMode) body.parse_mode = parseMode;
	if (options.disableNotification) body.disable_notification = true;
	if (options.protectContent) body.protect_content = true;
	const preview = linkPreviewOptions(options);
	if (preview) body.link_preview_options = preview;
	if (options.showCaptionAboveMedia) body.show_caption_above_media = true;
	const effect = String(options.messageEffectId ?? '').trim();
	if (effect) body.message_effect_id = effect;
	const business = String(options.businessConnectionId ?? '').trim();
	if (business) body.business_connection_id = business;
	if (options.allowPaidBroadcast) body.allow_paid_broadcast = true;
	const replyTo = optionalId('Reply To Message ID', options.replyToMessageId);
	if (replyTo !== undefined) {
		body.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
	}
	const thread = optionalId('Topic (Thread) ID', options.messageThreadId);
	if (thread !== undefined) body.message_thread_id = thread;
	return body;
}

/** Telegram's link_preview_options from the link preview settings; nothing when all are unset. */
function linkPreviewOptions(options: SendOptions): IDataObject | undefined {
	if (options.disableLinkPreview) return { is_disabled: true };
	const preview: IDataObject = {};
	const url = String(options.linkPreviewUrl ?? '').trim();
	if (url) preview.url = url;
	if (options.linkPreviewSize === 'small') preview.prefer_small_media = true;
	if (options.linkPreviewSize === 'large') preview.prefer_large_media = true;
	if (options.linkPreviewAboveText) preview.show_above_text = true;
	return Object.keys(preview).length ? preview : undefined;
}
