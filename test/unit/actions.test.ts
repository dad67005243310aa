/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: a timer delivers an update during a long poll */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';

import { BotApiFailure } from '../../nodes/shared/transport';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, runAction, type TestCredentials } from '../harness';
import { tokenLeaks } from '../leaks';

let emulator: BotApiEmulator;
let credentials: TestCredentials;

beforeAll(async () => {
	emulator = new BotApiEmulator();
	await emulator.start();
});
afterAll(async () => await emulator.stop());
beforeEach(() => {
	emulator.calls.length = 0;
	emulator.bot().updates = [];
	emulator.bot().webhook = { url: '' };
	credentials = defaultCredentials(emulator.baseUrl);
});

const text = (body: string) => ({
	chat: { id: 1001, type: 'private' as const, first_name: 'Ada' },
	message_id: 1,
	date: 1_790_000_000,
	text: body,
});

describe('Bot → Get (getMe)', () => {
	it("returns the bot's user", async () => {
		const { items, error } = await runAction(credentials, { resource: 'bot', operation: 'get' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: 7012345678,
			is_bot: true,
			username: 'compliance_test_bot',
		});
		expect(emulator.callsOf('getMe')).toHaveLength(1);
	});

	it('tolerates a trailing slash on the server URL', async () => {
		const { items } = await runAction(
			{ ...credentials, serverUrl: `${emulator.baseUrl}/` },
			{ resource: 'bot', operation: 'get' },
		);
		expect(items[0].json.username).toBe('compliance_test_bot');
	});

	it("names the operation, the status and Telegram's description for a wrong token, without leaking it", async () => {
		const wrong = '7012345678:AAHq3Zx9-WrongTokenSecretPart_9876543210';
		const { error } = await runAction(
			{ ...credentials, apiToken: wrong },
			{ resource: 'bot', operation: 'get' },
		);
		expect(error?.message).toBe('Get Bot failed (401): Unauthorized');
		expect(error?.description).toMatch(/@BotFather/);
		expect(tokenLeaks(error, wrong)).toEqual([]);
	});

	it('refuses a malformed token before any request, once, saying what it must look like', async () => {
		const before = emulator.calls.length;
		const { error } = await runAction(
			{ ...credentials, apiToken: 'not-a-token' },
			{ resource: 'bot', operation: 'get' },
		);
		expect(error?.message).toBe(
			'Get Bot failed (no response): The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
		);
		expect(emulator.calls.length).toBe(before);
	});
});

describe('Update → Get Many (getUpdates)', () => {
	it('returns one item per update in update_id order', async () => {
		const a = emulator.pushUpdate({ message: text('first') } as never);
		const b = emulator.pushUpdate({ message: text('second') } as never);
		const { items } = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(items.map((item) => item.json.update_id)).toEqual([a.update_id, b.update_id]);
		expect(emulator.callsOf('getUpdates')[0].params).toEqual({ limit: 100 });
	});

	it('returns zero items when nothing is pending', async () => {
		const { items, error } = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('confirms with offset, forgets with a negative offset, honours limit', async () => {
		const ids = [1, 2, 3, 4].map(
			(n) => emulator.pushUpdate({ message: text(`m${n}`) } as never).update_id,
		);
		const first = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 2,
		});
		expect(first.items.map((i) => i.json.update_id)).toEqual(ids.slice(0, 2));
		const confirmed = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
			offset: ids[1] + 1,
		});
		expect(confirmed.items.map((i) => i.json.update_id)).toEqual(ids.slice(2));
		const last = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
			offset: -1,
		});
		expect(last.items.map((i) => i.json.update_id)).toEqual([ids[3]]);
		expect(emulator.bot().updates.map((u) => u.update_id)).toEqual([ids[3]]);
	});

	it('long-polls with timeout and sends allowed_updates', async () => {
		setTimeout(() => emulator.pushUpdate({ message: text('late') } as never), 150);
		const { items } = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 10,
			options: { timeout: 5, allowedUpdates: ['message', 'callback_query'] },
		});
		expect(items).toHaveLength(1);
		expect(emulator.callsOf('getUpdates')[0].params).toEqual({
			limit: 10,
			timeout: 5,
			allowed_updates: ['message', 'callback_query'],
		});
	});

	it('explains the 409 while a webhook is active', async () => {
		emulator.bot().webhook = { url: 'https://example.com/hook' };
		const { error } = await runAction(credentials, {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(error?.message).toMatch(
			/^Get Updates failed \(409\): Conflict: can't use getUpdates method while webhook is active/,
		);
		expect(error?.description).toMatch(/Webhook → Delete|Trigger/);
	});
});

describe('Message → Send Message', () => {
	const send = (chatId: string, body = 'Suspicious login from 203.0.113.7', options = {}) => ({
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: chatId },
		text: body,
		options,
	});

	it('sends plain text with no parse mode forced and returns the Message', async () => {
		const { items } = await runAction(credentials, send('-1001234567890'));
		expect(emulator.callsOf('sendMessage')[0].params).toEqual({
			chat_id: -1001234567890,
			text: 'Suspicious login from 203.0.113.7',
		});
		expect(items[0].json).toMatchObject({
			message_id: expect.any(Number),
			chat: { id: -1001234567890, title: 'Security Operations' },
			text: 'Suspicious login from 203.0.113.7',
		});
	});

	it('accepts @channelusername and maps every option', async () => {
		await runAction(
			credentials,
			send('@alerts_channel', '<b>SOC2</b> audit', {
				parseMode: 'HTML',
				disableNotification: true,
				protectContent: true,
				disableLinkPreview: true,
				replyToMessageId: 42,
				messageThreadId: 7,
			}),
		);
		expect(emulator.callsOf('sendMessage')[0].params).toEqual({
			chat_id: '@alerts_channel',
			text: '<b>SOC2</b> audit',
			parse_mode: 'HTML',
			disable_notification: true,
			protect_content: true,
			link_preview_options: { is_disabled: true },
			reply_parameters: { message_id: 42, allow_sending_without_reply: true },
			message_thread_id: 7,
		});
	});

	it('resolves expressions per item', async () => {
		const { items } = await runAction(
			credentials,
			{ ...send('={{ $json.chat }}', '=Alert: {{ $json.alert }}') },
			[
				{ chat: '1001', alert: 'disk full' },
				{ chat: '-4001', alert: 'cert expiring' },
			],
		);
		expect(items.map((item) => item.json.text)).toEqual([
			'Alert: disk full',
			'Alert: cert expiring',
		]);
		expect(emulator.callsOf('sendMessage').map((call) => call.params.chat_id)).toEqual([
			1001, -4001,
		]);
	});

	it.each(['12ab', '@ab', '--5', 'https://t.me/x'])(
		'n8n refuses the typed chat ID %j before the run starts',
		async (chatId) => {
			const { error } = await runAction(credentials, send(chatId));
			expect(error?.message).toMatch(/Enter a numeric chat ID or @channelusername/);
			expect(emulator.calls).toHaveLength(0);
		},
	);

	it.each(['12ab', '@ab', '', '--5', 'https://t.me/x'])(
		'refuses chat ID %j from an expression before any request',
		async (chatId) => {
			const { error } = await runAction(credentials, send('={{ $json.chat }}'), [{ chat: chatId }]);
			expect(error?.message).toMatch(/^Send Message: ".*" is not a chat ID$/);
			expect(error?.description).toMatch(/negative for groups/);
			expect(emulator.calls).toHaveLength(0);
		},
	);

	it('refuses an empty text before any request', async () => {
		const { error } = await runAction(credentials, send('1001', '  '));
		expect(error?.message).toBe('Send Message: the text is empty');
		expect(emulator.calls).toHaveLength(0);
	});

	it('reports chat not found with status, description and a hint', async () => {
		const { error } = await runAction(credentials, send('-100555'));
		expect(error?.message).toBe('Send Message failed (400): Bad Request: chat not found');
		expect(error?.description).toMatch(/group IDs are negative/);
		expect(error?.httpCode).toBe('400');
	});

	it("says the user must press Start on 403 can't initiate conversation", async () => {
		emulator.addChat({ id: 2002, type: 'private', first_name: 'Grace' }, false);
		const { error } = await runAction(credentials, send('2002'));
		expect(error?.message).toBe(
			"Send Message failed (403): Forbidden: bot can't initiate conversation with a user",
		);
		expect(error?.description).toMatch(/press Start/);
	});

	it('keeps one output item per input item under Continue On Fail', async () => {
		const { items, error } = await runAction(
			credentials,
			send('={{ $json.chat }}', 'hello'),
			[{ chat: '1001' }, { chat: '-100555' }, { chat: 'bad id' }, { chat: '-4001' }],
			{
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[1].json).toMatchObject({
			error: 'Send Message failed (400): Bad Request: chat not found',
			httpCode: 400,
		});
		expect(items[2].json.error).toMatch(/is not a chat ID/);
		expect(items[3].json).toMatchObject({ chat: { id: -4001 } });
	});
});

describe('Webhook → Create / Delete / Get', () => {
	it("creates with every option and returns Telegram's description", async () => {
		const { items } = await runAction(credentials, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://n8n.example.com/webhook/abc',
			options: {
				secretToken: 's3cret_T0ken',
				allowedUpdates: ['message'],
				dropPendingUpdates: true,
				maxConnections: 10,
				ipAddress: '203.0.113.9',
			},
		});
		expect(items[0].json).toEqual({ ok: true, description: 'Webhook was set' });
		expect(emulator.callsOf('setWebhook')[0].params).toEqual({
			url: 'https://n8n.example.com/webhook/abc',
			secret_token: 's3cret_T0ken',
			allowed_updates: ['message'],
			drop_pending_updates: true,
			max_connections: 10,
			ip_address: '203.0.113.9',
		});
		const info = await runAction(credentials, { resource: 'webhook', operation: 'get' });
		expect(info.items[0].json).toMatchObject({
			url: 'https://n8n.example.com/webhook/abc',
			max_connections: 10,
			allowed_updates: ['message'],
		});
		const removed = await runAction(credentials, {
			resource: 'webhook',
			operation: 'delete',
			options: { dropPendingUpdates: true },
		});
		expect(removed.items[0].json).toEqual({ ok: true, description: 'Webhook was deleted' });
		expect(emulator.callsOf('deleteWebhook')[0].params).toEqual({ drop_pending_updates: true });
		expect(emulator.bot().webhook.url).toBe('');
	});

	it("refuses an http URL on Telegram's cloud before any request", async () => {
		const { error } = await runAction(
			{ ...credentials, serverUrl: 'https://api.telegram.org' },
			{ resource: 'webhook', operation: 'create', url: 'http://localhost:5678/webhook/x' },
		);
		expect(error?.message).toMatch(/^Create Webhook: Telegram only posts to HTTPS URLs/);
		expect(emulator.calls).toHaveLength(0);
	});

	it('accepts an http URL with a self-hosted (http) server', async () => {
		const selfHosted = new BotApiEmulator({ selfHosted: true });
		await selfHosted.start();
		try {
			const { items } = await runAction(defaultCredentials(selfHosted.baseUrl), {
				resource: 'webhook',
				operation: 'create',
				url: 'http://10.0.0.7:5678/webhook/x',
			});
			expect(items[0].json).toEqual({ ok: true, description: 'Webhook was set' });
		} finally {
			await selfHosted.stop();
		}
	});

	it("refuses a secret token outside Telegram's alphabet", async () => {
		const { error } = await runAction(credentials, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://x.example/h',
			options: { secretToken: 'has space' },
		});
		expect(error?.message).toMatch(/secret token may only hold/);
		expect(emulator.calls).toHaveLength(0);
	});

	it("reports Telegram's bad-webhook answer with a hint", async () => {
		emulator.failNext('setWebhook', {
			status: 400,
			description: 'Bad Request: bad webhook: IP address 127.0.0.1 is reserved',
		});
		const { error } = await runAction(credentials, {
			resource: 'webhook',
			operation: 'create',
			url: 'https://127.0.0.1/h',
		});
		expect(error?.message).toBe(
			'Create Webhook failed (400): Bad Request: bad webhook: IP address 127.0.0.1 is reserved',
		);
		expect(error?.description).toMatch(/HTTPS URLs on ports 443, 80, 88 or 8443/);
	});
});

describe('failures without an answer or with a broken one', () => {
	const noRetry = { resource: 'bot', operation: 'get', options: { retryWaitLimit: 0 } };

	it('a reset connection names the operation and says no response came', async () => {
		emulator.failNext('getMe', { reset: true });
		const { error } = await runAction(credentials, {
			resource: 'bot',
			operation: 'get',
			options: { retryWaitLimit: 0 },
		});
		expect(error?.message).toMatch(
			/^Get Bot failed \(no response\): .*(ECONNRESET|socket hang up)/,
		);
		expect(error?.description).toMatch(/Server URL/);
	});

	it('a 502 HTML page becomes one readable line', async () => {
		emulator.failNext('getMe', {
			status: 502,
			rawBody:
				'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>',
		});
		const { error } = await runAction(credentials, noRetry);
		expect(error?.message).toMatch(
			/^Get Bot failed \(502\): unexpected answer from the Bot API server: 502 Bad Gateway \(gave up after 1 attempt/,
		);
	});

	it('a refused connection is reported with the operation', async () => {
		const { error } = await runAction({ ...credentials, serverUrl: 'http://127.0.0.1:9' }, noRetry);
		expect(error?.message).toMatch(/^Get Bot failed \(no response\): connection refused/);
	});

	it('waits exactly retry_after on a 429 and sends the same request again', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 1 } });
		const started = Date.now();
		const { items, error } = await runAction(credentials, {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '1001' },
			text: 'after the flood',
			options: {},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.text).toBe('after the flood');
		const calls = emulator.callsOf('sendMessage');
		expect(calls).toHaveLength(2);
		expect(calls[1].params).toEqual(calls[0].params);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('backs off on 5xx and resets, then succeeds', async () => {
		emulator.failNext('getMe', { status: 502, rawBody: '<title>502 Bad Gateway</title>' });
		emulator.failNext('getMe', { reset: true });
		emulator.failNext('getMe', { status: 500 });
		const { items } = await runAction(credentials, { resource: 'bot', operation: 'get' });
		expect(items[0].json.username).toBe('compliance_test_bot');
		expect(emulator.callsOf('getMe')).toHaveLength(4);
	});

	it('fails with how long it waited once the wait limit would be passed', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 3600 } });
		const { error } = await runAction(credentials, {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '1001' },
			text: 'x',
			options: { retryWaitLimit: 60 },
		});
		expect(error?.message).toBe(
			'Send Message failed (429): Too Many Requests: retry after 3600 (gave up after 1 attempt and 0 s of waiting; the next wait of 3600 s would pass the limit)',
		);
		expect(error?.description).toMatch(/flood control/);
		expect(emulator.callsOf('sendMessage')).toHaveLength(1);
	});

	it('does not resend after a timeout: the message may have gone out', async () => {
		expect(
			new BotApiFailure('Send Message', 'sendMessage', null, 'no answer', {}, 'ETIMEDOUT')
				.transient,
		).toBe(false);
		expect(
			new BotApiFailure('Send Message', 'sendMessage', null, 'reset', {}, 'ECONNRESET').transient,
		).toBe(true);
	});

	it('no failure path carries the token', async () => {
		const cases: Array<() => void> = [
			() => emulator.failNext('getMe', { reset: true }),
			() =>
				emulator.failNext('getMe', {
					status: 500,
					description: `Internal error for bot${DEFAULT_TOKEN}`,
				}),
			() => emulator.failNext('getMe', { status: 429, parameters: { retry_after: 3 } }),
			() =>
				emulator.failNext('getMe', {
					status: 200,
					rawBody: `{"ok":tru ${DEFAULT_TOKEN}`,
					rawContentType: 'application/json',
				}),
		];
		for (const arm of cases) {
			arm();
			const result = await runAction(credentials, noRetry, [{}], {
				continueOnFail: true,
			});
			expect(result.items[0].json.error).toMatch(/^Get Bot failed/);
			expect(tokenLeaks(result.run)).toEqual([]);
			arm();
			const failing = await runAction(credentials, noRetry, [{}]);
			expect(tokenLeaks(failing.run)).toEqual([]);
		}
	});
});
