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

/**
 * The order options are listed in under "Add option": n8n's editor keeps a collection's declared
 * order (it sorts nothing), so the common ones come first, grouped by purpose. Options not named
 * here (an operation's own) go after the reply group, before the limits.
 */
const OPTION_GROUPS: string[][] = [
	// formatting
	['parseMode', 'plainTextFallback', 'disableLinkPreview', 'longText', 'maxParts', 'longCaption'],
	// reply and buttons
	['replyToMessageId', 'messageThreadId'],
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
	if (options.allowPaidBroadcast) body.allow_paid_broadcast = true;
	if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
	const replyTo = optionalId('Reply To Message ID', options.replyToMessageId);
	if (replyTo !== undefined) {
		body.reply_parameters = { message_id: replyTo, allow_sending_without_reply: true };
	}
	const thread = optionalId('Topic (Thread) ID', options.messageThreadId);
	if (thread !== undefined) body.message_thread_id = thread;
	return body;
}
