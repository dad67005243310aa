import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError, updateDisplayOptions, WAIT_INDEFINITELY } from 'n8n-workflow';

import { chatIdParameter } from '../../../shared/chatId';
import {
	callbackData,
	LINK_CHARACTER,
	stateFragment,
	type RequestKind,
	type Waiter,
} from '../../../shared/sendAndWait/reference';
import { botCredentials, callBotApi, deliveryEngine, redact } from '../../../shared/transport';
import { itemOptions } from '../../../shared/itemOptions';
import { chatLocator } from '../../descriptions/chatLocator';
import { callPolicy, rateLimits } from '../../helpers/policy';
import { RATE_LIMIT_OPTIONS } from '../../descriptions/rateLimitOptions';
import { optionsWithRetry } from '../../descriptions/retryOption';
import { SEND_OPTIONS, sendOptionsBody, type SendOptions } from '../../descriptions/sendOptions';
import { deliverFormatted } from '../../helpers/formattedDelivery';
import { formatText, telegramParseMode } from '../../helpers/formatting';
import { escapeAttribute, escapeHtml } from '../../helpers/markdown/html';
import type { OperationModule } from '../types';
import { emptyAnswer, labelledButtons, type SendAndWaitParameters } from './sendAndWait/answer';
import { parameter } from '../../../shared/parameters';

export const label = 'Send and Wait for Response';

const approvalOnly = { show: { responseType: ['approval'] } };

const properties: INodeProperties[] = [
	{
		displayName:
			'Answers come back through a Telegram Bot Webhook Trigger or Polling Trigger that is active on the same bot, in any workflow of this n8n: it hands each press or reply to this execution and starts nothing itself. Without such a trigger, set Options → Answer With to "Links to n8n".',
		name: 'sendAndWaitNotice',
		type: 'notice',
		default: '',
	},
	chatLocator,
	{
		displayName: 'Text',
		name: 'text',
		type: 'string',
		typeOptions: { rows: 4 },
		default: '',
		required: true,
		description: 'The request, e.g. "Isolate host web-7 (suspicious login from 203.0.113.7)?"',
	},
	{
		displayName: 'Response Type',
		name: 'responseType',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Approval',
				value: 'approval',
				description: 'Approve and decline buttons (or approve only)',
			},
			{
				name: 'Custom Buttons',
				value: 'customButtons',
				description: 'Several choices; the chosen value comes back',
			},
			{
				name: 'Free Text',
				value: 'freeText',
				description: "The person's reply to the message comes back",
			},
		],
		default: 'approval',
	},
	{
		displayName: 'Approval Type',
		name: 'approvalType',
		type: 'options',
		options: [
			{ name: 'Approve and Decline', value: 'double' },
			{ name: 'Approve Only', value: 'single' },
		],
		default: 'double',
		displayOptions: approvalOnly,
	},
	{
		displayName: 'Approve Label',
		name: 'approveLabel',
		type: 'string',
		default: '✅ Approve',
		displayOptions: approvalOnly,
	},
	{
		displayName: 'Decline Label',
		name: 'declineLabel',
		type: 'string',
		default: '❌ Decline',
		displayOptions: { show: { responseType: ['approval'], approvalType: ['double'] } },
	},
	{
		displayName: 'Approvals Required',
		name: 'approvalsRequired',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 10 },
		default: 1,
		description:
			'How many different approvers must approve (2 for four-eyes); one decline ends the request as declined',
		displayOptions: approvalOnly,
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		placeholder: 'Add Button',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions: { show: { responseType: ['customButtons'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{ displayName: 'Label', name: 'label', type: 'string', default: '' },
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description:
							'What comes back in `text` when this button is pressed (its label when empty)',
					},
				],
			},
		],
	},
	{
		displayName: 'Approvers',
		name: 'approvers',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1001, @alice, @bob',
		description:
			'Telegram user IDs or @usernames allowed to answer, separated by commas; empty lets anyone in the chat answer. Anyone else who presses gets "You are not an approver of this request".',
	},
	optionsWithRetry([
		{
			displayName: 'Answer With',
			name: 'answerWith',
			type: 'options',
			options: [
				{
					name: 'Buttons in the Chat',
					value: 'buttons',
					description:
						'One tap in Telegram; needs a Telegram Bot trigger active on this bot (webhook or polling)',
				},
				{
					name: 'Links to N8n',
					value: 'links',
					description:
						"Buttons open n8n's resume page in a browser: no trigger needed, but the approver's device must reach n8n, and neither approvers nor several approvals can be checked",
				},
			],
			default: 'buttons',
		},
		{
			displayName: 'Time Limit (Minutes)',
			name: 'timeLimitMinutes',
			type: 'number',
			typeOptions: { minValue: 0, numberPrecision: 2 },
			default: 0,
			description:
				'After this long the execution goes on with approved: false, timedOut: true; 0 waits without limit. n8n checks waiting executions every minute, so a short limit may end up to a minute late.',
		},
		{
			displayName: 'Reply Placeholder',
			name: 'replyPlaceholder',
			type: 'string',
			default: '',
			description: 'With Free Text: the hint shown in the reply field, up to 64 characters',
		},
		// The request's link must survive: no preview of it, no resend without markup.
		...SEND_OPTIONS.filter(
			(option) => !['disableLinkPreview', 'plainTextFallback'].includes(option.name),
		),
		...RATE_LIMIT_OPTIONS,
	]),
];

type Options = SendOptions & {
	answerWith?: 'buttons' | 'links';
	timeLimitMinutes?: number;
	replyPlaceholder?: string;
};

/**
 * Sends one request (from the first item, as n8n's own Send and Wait does) and puts the execution
 * to wait: it holds no worker until the answer comes (see ./sendAndWait/respond.ts) or the time
 * limit passes.
 */
async function execute(this: IExecuteFunctions, itemIndex: number): Promise<INodeExecutionData[]> {
	// The other items share the first one's request: with Continue On Fail each gets its failure.
	if (itemIndex > 0) {
		await requests.get(this);
		return [];
	}
	const request = sendAndPause(this);
	requests.set(this, request);
	return await request;
}

const requests = new WeakMap<IExecuteFunctions, Promise<INodeExecutionData[]>>();

async function sendAndPause(ctx: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const itemIndex = 0;
	const text = parameter(ctx, 'text', 0) as string;
	if (typeof text !== 'string' || text.trim() === '') {
		throw new NodeOperationError(ctx.getNode(), `${label}: the text is empty`, {
			itemIndex,
			description: 'Telegram refuses empty messages. Check the expression that fills Text.',
		});
	}
	const parameters = readParameters(ctx);
	const options = itemOptions<Options>(ctx, 0);
	const viaLinks = options.answerWith === 'links';
	if (viaLinks && parameters.responseType === 'freeText') {
		throw new NodeOperationError(
			ctx.getNode(),
			`${label}: Free Text needs Answer With "Buttons in the Chat"`,
			{
				description:
					'A reply in the chat reaches n8n only through a Telegram Bot trigger active on this bot.',
			},
		);
	}
	const chatId = await numericChatId(ctx, chatIdParameter(ctx, 'chatId', 0, label));
	const { apiToken } = await botCredentials(ctx);
	const waiter: Waiter = { executionId: ctx.getExecutionId(), nodeId: ctx.getNode().id, chatId };
	const deadline = options.timeLimitMinutes
		? Math.ceil(Date.now() / 1000 + options.timeLimitMinutes * 60)
		: 0;
	const resumeUrl = ctx.getSignedResumeUrl();
	if (!viaLinks) await assertAnswersCanArrive(ctx, resumeUrl, apiToken);
	const link = `${resumeUrl}#${stateFragment(apiToken, waiter, {
		kind: parameters.responseType,
		deadline,
		approvals: [],
	})}`;
	// Links: each URL signed by n8n for its choice. Buttons: callback data under our MAC.
	const markup = replyMarkup(
		parameters,
		viaLinks
			? (text, choice) => ({ text, url: ctx.getSignedResumeUrl({ choice }) })
			: (text, choice) => ({ text, callback_data: callbackData(apiToken, waiter, choice) }),
		options,
	);
	const body: IDataObject & { chat_id: number } = {
		...sendOptionsBody(options),
		...withLink(text, options.parseMode, link),
		chat_id: chatId,
		// The link at the start would otherwise become the preview.
		link_preview_options: { is_disabled: true },
		reply_markup: markup,
	};
	const engine = deliveryEngine(ctx, rateLimits(ctx, 0));
	const delivery = await engine.inChatOrder(
		chatId,
		async () =>
			await deliverFormatted<IDataObject>(ctx, engine, label, 'sendMessage', body, 0, [], false),
	);
	const sent = delivery.result;

	// n8n ends a wait that runs out by passing the node's input through, without running any of
	// its code: the first input item, with the answer's fields added, becomes the timed-out answer,
	// so the next node sees `timedOut: true`. Its own fields stay: the node's expressions (approvers
	// from `$json`, …) read them again when an answer comes.
	const input = ctx.getInputData();
	const timedOut: INodeExecutionData = {
		json: {
			...(input[0]?.json ?? {}),
			...emptyAnswer(),
			timedOut: true,
			chatId: (sent.chat as IDataObject | undefined)?.id ?? chatId,
			messageId: sent.message_id,
		},
		pairedItem: { item: 0 },
	};
	input.splice(0, input.length, timedOut);
	await ctx.putExecutionToWait(deadline ? new Date(deadline * 1000) : WAIT_INDEFINITELY);
	return [timedOut];
}

function readParameters(ctx: IExecuteFunctions): SendAndWaitParameters {
	const responseType = parameter(ctx, 'responseType', 0) as RequestKind;
	const buttons = labelledButtons(parameter(ctx, 'buttons.button', 0, []));
	if (responseType === 'customButtons' && buttons.length === 0) {
		throw new NodeOperationError(ctx.getNode(), `${label}: add at least one button with a label`);
	}
	return {
		responseType,
		approvalType: parameter(ctx, 'approvalType', 0, 'double') as 'double' | 'single',
		approveLabel: parameter(ctx, 'approveLabel', 0, '✅ Approve') as string,
		declineLabel: parameter(ctx, 'declineLabel', 0, '❌ Decline') as string,
		buttons,
	};
}

/**
 * Presses reach this n8n only through a trigger of this n8n: a webhook registered elsewhere means
 * none is (polling leaves no trace at Telegram, so an empty webhook cannot be judged). Said before
 * anything is sent, rather than waiting for answers that never come.
 */
async function assertAnswersCanArrive(
	ctx: IExecuteFunctions,
	resumeUrl: string,
	token: string,
): Promise<void> {
	const info = await callBotApi<{ url?: string }>(
		ctx,
		label,
		'getWebhookInfo',
		{},
		callPolicy(ctx, 0),
	);
	const n8nBase = resumeUrl.slice(0, resumeUrl.indexOf('/webhook-waiting/'));
	if (!info.url || info.url.startsWith(`${n8nBase}/webhook`)) return;
	throw new NodeOperationError(
		ctx.getNode(),
		`${label}: this bot delivers its updates to ${redact(info.url, token)}, not to this n8n, so no answer could reach the workflow`,
		{
			description:
				'Activate a Telegram Bot Webhook Trigger (with "Take Over Existing Webhook") or a Polling Trigger on this bot in this n8n, use another bot, or set Options → Answer With to "Links to n8n".',
		},
	);
}

/** A `@channelusername` becomes the chat's numeric ID: the buttons are bound to it before sending. */
async function numericChatId(ctx: IExecuteFunctions, chatId: string | number): Promise<number> {
	if (typeof chatId === 'number') return chatId;
	const chat = await callBotApi<{ id: number }>(
		ctx,
		label,
		'getChat',
		{ chat_id: chatId },
		callPolicy(ctx, 0),
	);
	return chat.id;
}

/** The text with the request's link on an invisible first character, in the text's own markup. */
function withLink(text: string, parseMode: string | undefined, link: string): IDataObject {
	const mode = telegramParseMode(parseMode);
	const formatted = formatText(text, parseMode);
	if (mode === 'MarkdownV2' || mode === 'Markdown') {
		return {
			parse_mode: mode,
			text: `[${LINK_CHARACTER}](${link.replace(/[)\\]/g, '\\$&')})${formatted}`,
		};
	}
	const html = mode === 'HTML' ? formatted : escapeHtml(formatted);
	return {
		parse_mode: 'HTML',
		text: `<a href="${escapeAttribute(link)}">${LINK_CHARACTER}</a>${html}`,
	};
}

/**
 * The request's reply markup: force-reply for Free Text, else one button per choice (`a`, `d`,
 * `c<index>`), made by `button`: a callback button, or a URL button to n8n's resume page.
 */
function replyMarkup(
	parameters: SendAndWaitParameters,
	button: (text: string, choice: string) => IDataObject,
	options: Options,
): IDataObject {
	if (parameters.responseType === 'freeText') {
		const placeholder = (options.replyPlaceholder ?? '').slice(0, 64);
		return { force_reply: true, ...(placeholder ? { input_field_placeholder: placeholder } : {}) };
	}
	if (parameters.responseType === 'customButtons') {
		return {
			inline_keyboard: parameters.buttons.map((each, index) => [
				button(each.label as string, `c${index}`),
			]),
		};
	}
	const row = [button(parameters.approveLabel, 'a')];
	if (parameters.approvalType === 'double') row.push(button(parameters.declineLabel, 'd'));
	return { inline_keyboard: [row] };
}

export const sendAndWait: OperationModule = {
	label,
	description: updateDisplayOptions(
		{ show: { resource: ['message'], operation: ['sendAndWait'] } },
		properties,
	),
	execute,
};
