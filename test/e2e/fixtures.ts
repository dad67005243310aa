/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: reads the suite's workflow files */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { BotApiEmulator } from '../emulator/server';

/**
 * What the end-to-end and queue suites put into n8n, written once: the emulator's credential,
 * the Echo node every trigger workflow ends in, n8n's Manual Trigger, and the updates Ada sends.
 */

/** The emulator's credential, as `N8nInstance.importCredentials` imports it. */
export const CREDENTIAL = { id: 'tgEmulatorCred01', name: 'Telegram Emulator' };

type Credential = typeof CREDENTIAL;

/** A workflow file of `test/e2e/workflows/`, parsed, to import or to vary. */
export function e2eWorkflow(name: string) {
	return JSON.parse(readFileSync(join(__dirname, 'workflows', `${name}.json`), 'utf8')) as {
		id: string;
		name: string;
		nodes: Array<{ parameters: Record<string, unknown> & { options?: Record<string, unknown> } }>;
	};
}

/** n8n's Manual Trigger: the start of a workflow run with `n8n execute`. */
export const START_NODE = {
	id: 'start',
	name: 'Start',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** n8n's Webhook node on `POST /webhook/<path>`: a workflow a test starts with an HTTP call. */
export function webhookNode(
	node: { id: string; name: string; webhookId: string; path: string },
	parameters: Record<string, unknown> = {},
) {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: node.webhookId,
		parameters: { httpMethod: 'POST', path: node.path, options: {}, ...parameters },
	};
}

/** Telegram Bot → Message → Send Message, on the emulator's credential. */
export function sendMessageNode(
	node: { id: string; name: string; chatId: string; text: string },
	position = [200, 0],
) {
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-telegram-bot.telegramBot',
		typeVersion: 1,
		position,
		parameters: {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: node.chatId },
			text: node.text,
			options: {},
		},
		credentials: { telegramBotApi: CREDENTIAL },
	};
}

/**
 * A trigger into an Echo (Send Message back to the chat the update came from), so every
 * execution shows as a message the emulator records. `credential` is the trigger's; the Echo
 * always sends through the emulator.
 */
export function echoWorkflow(workflow: {
	id: string;
	name: string;
	trigger: { type: string; parameters: Record<string, unknown>; webhookId?: string };
	text: string;
	credential?: Credential;
}) {
	return {
		id: workflow.id,
		name: workflow.name,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: { telegramBotApi: workflow.credential ?? CREDENTIAL },
				...workflow.trigger,
			},
			sendMessageNode({
				id: 'echo',
				name: 'Echo',
				chatId: '={{ $json.chatId }}',
				text: workflow.text,
			}),
		],
		connections: { Trigger: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
	};
}

/** The texts of the messages sent so far that start with `prefix`, in the order they came. */
export const sentTexts = (emulator: BotApiEmulator, prefix: string) =>
	emulator
		.callsOf('sendMessage')
		.map((call) => String(call.params.text))
		.filter((text) => text.startsWith(prefix));

/** Ada, a user in a private chat with the bot. */
export const chat = { id: 1001, type: 'private', first_name: 'Ada' } as const;
export const from = { id: 1001, is_bot: false, first_name: 'Ada' };

/** A message from Ada holding a command (`/risk vendor-7`), as Telegram marks it. */
export function commandMessage(text: string, messageId = 1) {
	return {
		message: {
			message_id: messageId,
			date: 1_795_253_400,
			chat,
			from,
			text,
			entities: [{ type: 'bot_command', offset: 0, length: text.split(' ')[0].length }],
		},
	} as never;
}

/** Where Send and Wait workflows ask, and where they report what they resumed with. */
export const APPROVER_CHAT = -1001234567890;
export const AUDIT_CHAT = -4001;

/**
 * Webhook (started by the test, with the case's settings in its body) → Send and Wait → a report
 * of the output to the audit group: `RESULT <case> <json>`.
 */
export function waitingWorkflow(
	id: string,
	path: string,
	parameters: Record<string, unknown>,
	credential: Credential,
) {
	return {
		id,
		name: `E2E: send and wait ${path}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(
				{ id: 'start', name: 'Start', webhookId: `e2e-${path}`, path },
				{ responseMode: 'onReceived' },
			),
			{
				id: `wait-${path}`,
				name: 'Ask',
				type: 'n8n-nodes-telegram-bot.telegramBot',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'message',
					operation: 'sendAndWait',
					chatId: { __rl: true, mode: 'id', value: String(APPROVER_CHAT) },
					text: '=<b>{{ $json.body.case }}</b>: isolate host web-7?',
					approvers: '={{ $json.body.approvers }}',
					...parameters,
					options: {
						parseMode: 'HTML',
						timeLimitMinutes: '={{ $json.body.limit ?? 0 }}',
						...((parameters.options as object) ?? {}),
					},
				},
				credentials: { telegramBotApi: credential },
			},
			{
				id: 'report',
				name: 'Report',
				type: 'n8n-nodes-telegram-bot.telegramBot',
				typeVersion: 1,
				position: [400, 0],
				parameters: {
					resource: 'message',
					operation: 'sendMessage',
					chatId: { __rl: true, mode: 'id', value: String(AUDIT_CHAT) },
					text: "=RESULT {{ $('Start').first().json.body.case }} {{ JSON.stringify($json) }}",
					options: {},
				},
				credentials: { telegramBotApi: credential },
			},
		],
		connections: {
			Start: { main: [[{ node: 'Ask', type: 'main', index: 0 }]] },
			Ask: { main: [[{ node: 'Report', type: 'main', index: 0 }]] },
		},
	};
}
