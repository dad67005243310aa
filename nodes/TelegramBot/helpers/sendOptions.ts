import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { telegramParseMode } from './formatting';

export interface SendOptions {
	parseMode?: string;
	disableNotification?: boolean;
	protectContent?: boolean;
	disableLinkPreview?: boolean;
	replyToMessageId?: number;
	messageThreadId?: number;
	plainTextFallback?: boolean;
}

/** Options every send shares (each send adds the retry limit with optionsWithRetry). No parse mode unless asked: a forced Markdown mangles plain text. */
export const SEND_OPTIONS: INodeProperties[] = [
	{
		displayName: 'Disable Link Preview',
		name: 'disableLinkPreview',
		type: 'boolean',
		default: false,
		description: 'Whether to send links without a preview card',
	},
	{
		displayName: 'Message Thread ID',
		name: 'messageThreadId',
		type: 'number',
		default: 0,
		description: 'Topic of a forum supergroup to post in',
	},
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
		displayName: 'Protect Content',
		name: 'protectContent',
		type: 'boolean',
		default: false,
		description: 'Whether to stop the message from being forwarded or saved',
	},
	{
		displayName: 'Reply To Message ID',
		name: 'replyToMessageId',
		type: 'number',
		default: 0,
		description: 'ID of a message in the same chat to answer; sent anyway if that message is gone',
	},
	{
		displayName: 'Send as Plain Text if Formatting Fails',
		name: 'plainTextFallback',
		type: 'boolean',
		default: true,
		description:
			'Whether a message whose markup Telegram refuses ("can\'t parse entities") is sent again without formatting instead of failing; the output item then has formattingDropped: true',
	},
	{
		displayName: 'Send Silently',
		name: 'disableNotification',
		type: 'boolean',
		default: false,
		description: 'Whether recipients get the message without a sound',
	},
];

export function sendOptionsBody(options: SendOptions): IDataObject {
	const body: IDataObject = {};
	const parseMode = telegramParseMode(options.parseMode);
	if (parseMode) body.parse_mode = parseMode;
	if (options.disableNotification) body.disable_notification = true;
	if (options.protectContent) body.protect_content = true;
	if (options.disableLinkPreview) body.link_preview_options = { is_disabled: true };
	if (options.replyToMessageId) {
		body.reply_parameters = {
			message_id: options.replyToMessageId,
			allow_sending_without_reply: true,
		};
	}
	if (options.messageThreadId) body.message_thread_id = options.messageThreadId;
	return body;
}
