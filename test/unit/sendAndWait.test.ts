import { createHmac } from 'node:crypto';

import { describe, expect, it } from 'vitest';

import { isApprover } from '../../nodes/TelegramBot/actions/message/sendAndWait/answer';
import {
	callbackData,
	linkOf,
	mac,
	relayBody,
	stateFragment,
	verifiedChoice,
	verifiedRelay,
	verifiedState,
	type Waiter,
} from '../../nodes/shared/sendAndWait/reference';
import { DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, emulatorPerFile, runAction } from '../harness';

const OTHER_TOKEN = '7098765432:AAFk2Lr8Qp4Tn6Vx1Zc3Hb5Jm7Wd9Ys0Ge4';
const waiter: Waiter = {
	executionId: '4711',
	nodeId: '5f0c1e9a-2b7d-4c1e-9a55-0d6f3c2b1a90',
	chatId: -1001234567890,
};
const url = `http://127.0.0.1:5678/webhook-waiting/4711/${waiter.nodeId}?signature=${'ab'.repeat(32)}`;

describe('callback data', () => {
	it("fits Telegram's 64 bytes for every choice we make", () => {
		for (const choice of ['a', 'd', 'c0', 'c99'])
			expect(Buffer.byteLength(callbackData(DEFAULT_TOKEN, waiter, choice))).toBeLessThanOrEqual(
				64,
			);
	});

	it('gives its choice back only to the execution, node, chat and bot it was made for', () => {
		const data = callbackData(DEFAULT_TOKEN, waiter, 'a');
		expect(verifiedChoice(DEFAULT_TOKEN, waiter, data)).toBe('a');
		expect(verifiedChoice(DEFAULT_TOKEN, { ...waiter, executionId: '4712' }, data)).toBeUndefined();
		expect(verifiedChoice(DEFAULT_TOKEN, { ...waiter, nodeId: 'other' }, data)).toBeUndefined();
		expect(verifiedChoice(DEFAULT_TOKEN, { ...waiter, chatId: 1001 }, data)).toBeUndefined();
		expect(verifiedChoice(OTHER_TOKEN, waiter, data)).toBeUndefined();
	});

	it('refuses a changed choice, a cut MAC and foreign data', () => {
		const decline = callbackData(DEFAULT_TOKEN, waiter, 'd');
		expect(verifiedChoice(DEFAULT_TOKEN, waiter, decline.replace('|d|', '|a|'))).toBeUndefined();
		expect(verifiedChoice(DEFAULT_TOKEN, waiter, decline.slice(0, -1))).toBeUndefined();
		expect(verifiedChoice(DEFAULT_TOKEN, waiter, 'approve_42')).toBeUndefined();
		expect(verifiedChoice(DEFAULT_TOKEN, waiter, undefined)).toBeUndefined();
	});
});

describe('MAC', () => {
	it('is HMAC-SHA256 under a key derived from the token, cut to 22 base64url characters', () => {
		const key = createHmac('sha256', DEFAULT_TOKEN)
			.update('n8n-nodes-telegram-bot send-and-wait v1')
			.digest();
		const expected = createHmac('sha256', key).update('button\na').digest('base64url').slice(0, 22);
		expect(mac(DEFAULT_TOKEN, ['button', 'a'])).toBe(expected);
		// RFC 4231 test case 2: the primitive underneath is the standard one.
		expect(createHmac('sha256', 'Jefe').update('what do ya want for nothing?').digest('hex')).toBe(
			'5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843',
		);
	});
});

describe('request state in the link fragment', () => {
	const state = {
		kind: 'approval' as const,
		deadline: 1_795_253_400,
		approvals: [
			{ id: 501, at: 1_795_253_000, username: 'alice' },
			{ id: 777, at: 1_795_253_100 },
		],
	};

	it('round-trips the kind, deadline and tally', () => {
		expect(
			verifiedState(DEFAULT_TOKEN, waiter, stateFragment(DEFAULT_TOKEN, waiter, state)),
		).toEqual(state);
	});

	it('refuses an added approval, another execution and another bot', () => {
		const fragment = stateFragment(DEFAULT_TOKEN, waiter, state);
		const tampered = fragment.replace('501~', '502~');
		expect(verifiedState(DEFAULT_TOKEN, waiter, tampered)).toBeUndefined();
		expect(verifiedState(DEFAULT_TOKEN, { ...waiter, executionId: '1' }, fragment)).toBeUndefined();
		expect(verifiedState(OTHER_TOKEN, waiter, fragment)).toBeUndefined();
		expect(verifiedState(DEFAULT_TOKEN, waiter, 'tgw1.a.0.x')).toBeUndefined();
	});

	it('is found in the message Telegram hands back, with the waiter read from the resume URL', () => {
		const fragment = stateFragment(DEFAULT_TOKEN, waiter, state);
		const message = {
			chat: { id: waiter.chatId as number },
			text: '\u200bIsolate host?',
			entities: [
				{ type: 'text_link', url: 'https://example.com/' },
				{ type: 'text_link', url: `${url}#${fragment}` },
			],
		};
		const link = linkOf(message)!;
		expect(link.waiter).toEqual(waiter);
		expect(link.url).toBe(url);
		expect(verifiedState(DEFAULT_TOKEN, link.waiter, link.fragment)).toEqual(state);
		expect(
			linkOf({ ...message, entities: [{ type: 'text_link', url: 'https://example.com/#x' }] }),
		).toBeUndefined();
	});
});

describe('relayed answers', () => {
	it("carry the update under a MAC only the bot's credential holders can make", () => {
		const update = {
			update_id: 5,
			callback_query: { id: 'q', from: { id: 501 }, data: 'tgw1|a|x' },
		};
		const body = relayBody(DEFAULT_TOKEN, update);
		expect(verifiedRelay(DEFAULT_TOKEN, body)).toEqual(update);
		expect(verifiedRelay(OTHER_TOKEN, body)).toBeUndefined();
		const forged = { ...body, payload: body.payload.replace('501', '666') };
		expect(verifiedRelay(DEFAULT_TOKEN, forged)).toBeUndefined();
		expect(verifiedRelay(DEFAULT_TOKEN, { payload: body.payload })).toBeUndefined();
	});
});

describe('approvers', () => {
	const alice = { id: 501, username: 'Alice' };
	it('match by ID or @username, any case; an empty list lets anyone answer', () => {
		expect(isApprover('', alice)).toBe(true);
		expect(isApprover('@alice, @bob', alice)).toBe(true);
		expect(isApprover('alice', alice)).toBe(true);
		expect(isApprover('501', alice)).toBe(true);
		expect(isApprover('@bob 502', alice)).toBe(false);
		expect(isApprover('@bob', { id: 9 })).toBe(false);
	});
});

describe('the operation in a real n8n-core execution', () => {
	const emulator = emulatorPerFile();
	const parameters = {
		resource: 'message',
		operation: 'sendAndWait',
		chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
		text: 'Isolate host web-7?',
		responseType: 'approval',
		approvalsRequired: 2,
		options: {
			parseMode: 'none',
			messageThreadId: '12',
			disableNotification: true,
			protectContent: true,
			timeLimitMinutes: 30,
		},
	};

	it('sends the request with its link and buttons, and puts the execution to wait with the time limit', async () => {
		const started = Date.now();
		const { items, error, run } = await runAction(
			defaultCredentials(emulator.baseUrl),
			parameters,
			[{ team: 'soc' }],
		);
		expect(error).toBeUndefined();
		const waitTill = new Date(run.waitTill ?? 0).getTime();
		expect(waitTill - started).toBeGreaterThan(29 * 60_000);
		expect(waitTill - started).toBeLessThan(31 * 60_000);
		const [send] = emulator.callsOf('sendMessage');
		expect(send.params).toMatchObject({
			chat_id: -1001234567890,
			parse_mode: 'HTML',
			message_thread_id: 12,
			disable_notification: true,
			protect_content: true,
			link_preview_options: { is_disabled: true },
		});
		// Plain text is escaped into HTML behind the link.
		expect(String(send.params.text)).toMatch(
			/^<a href="http:\/\/127\.0\.0\.1:5678\/webhook-waiting\/exec-1\/node-telegram\?signature=[0-9a-f]{64}#tgw1\.a\.\d+\.\.[\w-]{22}">\u200b<\/a>Isolate host web-7\?$/,
		);
		const keyboard = (
			send.params.reply_markup as { inline_keyboard: Array<Array<{ callback_data: string }>> }
		).inline_keyboard;
		const waiter = { executionId: 'exec-1', nodeId: 'node-telegram', chatId: -1001234567890 };
		expect(keyboard[0].map((b) => verifiedChoice(DEFAULT_TOKEN, waiter, b.callback_data))).toEqual([
			'a',
			'd',
		]);
		// What the next node gets if the time runs out: the input with the answer's fields.
		expect(items[0].json).toMatchObject({
			team: 'soc',
			approved: false,
			timedOut: true,
			messageId: 1,
		});
	});

	it('refuses before sending when the bot delivers its updates to a webhook outside this n8n', async () => {
		emulator.bot().webhook = { url: 'https://elsewhere.example.com/hook' };
		const { error } = await runAction(defaultCredentials(emulator.baseUrl), parameters);
		expect(error?.message).toBe(
			'Send and Wait for Response: this bot delivers its updates to https://elsewhere.example.com/hook, not to this n8n, so no answer could reach the workflow',
		);
		expect(emulator.callsOf('sendMessage')).toEqual([]);
	});
});
