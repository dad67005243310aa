import { sleep } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { normaliseChatId } from '../../nodes/shared/chatId';
import { redact } from '../../nodes/shared/transport/redact';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, emulatorPerFile, runAction } from '../harness';
import { tokenFragments, tokenLeaks } from '../leaks';

/**
 * What tests written outside the package found past the fault matrix (issue 13): the token in
 * output items and in cut error texts, retry_after values that are no positive integer, answers
 * trickled a byte at a time, ok:true without a result, chat IDs JavaScript cannot hold, texts of
 * megabytes. Each runs through n8n-core's real execution against the emulator.
 */

const emulator = emulatorPerFile({ selfHosted: true, localFiles: true });
const credentials = () => defaultCredentials(emulator.baseUrl);
const SECRET = DEFAULT_TOKEN.split(':')[1];

describe('the token in no output item of any operation', () => {
	it('Create Webhook refusing a URL that holds the token: not in any part of the error', async () => {
		const result = await runAction(credentials(), {
			resource: 'webhook',
			operation: 'create',
			url: `ftp://hooks.example.com/tg/${DEFAULT_TOKEN}`,
		});
		expect(result.error?.message).toMatch(/^Create Webhook/);
		expect(emulator.callsOf('setWebhook')).toHaveLength(0);
		// The node's own parameters hold what the user typed; everything the node said must not.
		expect(tokenLeaks({ ...result.error, node: undefined })).toEqual([]);
	});

	it('Call API Method getFile: a --local server path under the token is redacted', async () => {
		const file = emulator.addFile(2048, 'documents/file_0.pdf', 'application/pdf');
		const result = await runAction(credentials(), {
			resource: 'api',
			operation: 'call',
			method: 'getFile',
			parameters: JSON.stringify({ file_id: file.file_id }),
		});
		expect(result.error).toBeUndefined();
		expect(result.items[0].json.file_path).toBe(
			'/var/lib/telegram-bot-api/7012345678:***/documents/file_0.pdf',
		);
		expect(tokenLeaks(result.run)).toEqual([]);
	});

	it('File → Get without download: the same path, redacted', async () => {
		const file = emulator.addFile(2048, 'documents/file_1.pdf', 'application/pdf');
		const result = await runAction(credentials(), {
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
			download: false,
		});
		expect(result.items[0].json.file_path).toMatch(
			/^\/var\/lib\/telegram-bot-api\/7012345678:\*\*\*\//,
		);
		expect(tokenLeaks(result.run)).toEqual([]);
	});

	it('Webhook → Get and Call API Method getWebhookInfo: a registered URL holding the token', async () => {
		// Telegram once advised putting the token in the webhook URL; some bots still do.
		emulator.bot().webhook = { url: `https://hooks.example.com/tg/${DEFAULT_TOKEN}/in` };
		const get = await runAction(credentials(), { resource: 'webhook', operation: 'get' });
		expect(get.items[0].json.url).toBe('https://hooks.example.com/tg/7012345678:***/in');
		const call = await runAction(credentials(), {
			resource: 'api',
			operation: 'call',
			method: 'getWebhookInfo',
			parameters: '{}',
		});
		expect(call.items[0].json.url).toBe('https://hooks.example.com/tg/7012345678:***/in');
		// Only the secret half under another bot ID, or a piece of it, is still the secret.
		emulator.bot().webhook = { url: `https://hooks.example.com/tg/${SECRET.slice(3, 20)}` };
		const piece = await runAction(credentials(), { resource: 'webhook', operation: 'get' });
		expect(piece.items[0].json.url).toBe('https://hooks.example.com/tg/***');
		for (const result of [get, call, piece]) expect(tokenLeaks(result.run)).toEqual([]);
	});
});

describe('fragments of the token', () => {
	it('redacts any run of 8 or more characters of the secret half, wherever it is cut', () => {
		for (let start = 0; start + 8 <= SECRET.length; start += 3) {
			const piece = SECRET.slice(start, start + 8 + (start % 5));
			expect(redact(`…/bot7012345678:${piece}...`, DEFAULT_TOKEN)).not.toContain(piece);
		}
		// Seven characters are not the token: ordinary words survive.
		expect(redact(`x ${SECRET.slice(0, 7)} y`, DEFAULT_TOKEN)).toBe(`x ${SECRET.slice(0, 7)} y`);
	});

	it('a non-JSON answer echoing the URL is redacted before it is cut', async () => {
		// 84 characters, then /bot<id>: — the cut at 117 falls 17 characters into the secret half.
		emulator.failNext('getMe', { status: 502, rawBody: `${'x'.repeat(84)} /bot{token}/getMe` });
		const result = await runAction(
			credentials(),
			{ resource: 'bot', operation: 'get', options: { retryWaitLimit: 0 } },
			[{}],
			{ continueOnFail: true },
		);
		expect(String(result.items[0].json.error)).toMatch(
			/^Get Bot failed \(502\): unexpected answer/,
		);
		expect(tokenLeaks(result.run)).toEqual([]);
	});

	it('a redirect is not followed: the item names the status and where to fix it', async () => {
		emulator.failNext('getMe', {
			status: 301,
			rawBody: '<html><head><title>301 Moved Permanently</title></head><body>nginx</body></html>',
		});
		const result = await runAction(
			credentials(),
			{ resource: 'bot', operation: 'get', options: { retryWaitLimit: 0 } },
			[{}],
			{ continueOnFail: true },
		);
		const item = result.items[0].json;
		expect(String(item.error)).toMatch(
			/^Get Bot failed \(301\): unexpected answer from the Bot API server: 301 Moved Permanently/,
		);
		expect(String(item.description)).toMatch(/redirect.*Server URL/);
		expect(item.httpCode).toBe(301);
		expect(emulator.callsOf('getMe')).toHaveLength(1);
		expect(tokenLeaks(result.run)).toEqual([]);
	});

	it('the leak check itself finds a fragment, not only the whole token', () => {
		expect(tokenFragments().length).toBeGreaterThan(20);
		expect(tokenLeaks({ error: `/bot***:${SECRET.slice(0, 19)}...` })).not.toEqual([]);
	});
});

describe('retry_after that is no positive integer', () => {
	const send = (options: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: '1001' },
		text: 'after the flood',
		options,
	});

	for (const retryAfter of ['soon', -5, 0, 0.2, null] as unknown[]) {
		it(`retry_after ${JSON.stringify(retryAfter)}: waits at least 1 s, counted against the Retry Wait Limit`, async () => {
			emulator.failNext(
				'sendMessage',
				{ status: 429, parameters: { retry_after: retryAfter as number } },
				3,
			);
			const started = Date.now();
			const { error } = await runAction(credentials(), send({ retryWaitLimit: 2 }));
			const calls = emulator.callsOf('sendMessage');
			// One try, a wait of 1 s, another, another 1 s, a third; the next wait would pass 2 s.
			expect(calls).toHaveLength(3);
			expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
			expect(error?.message).toMatch(
				/^Send Message failed \(429\): .*\(gave up after 3 attempts and 2 s of waiting; the next wait of 1 s would pass the limit\)$/,
			);
		});
	}

	it('a huge retry_after fails at once with the Retry Wait Limit message', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 1e12 } });
		const { error } = await runAction(credentials(), send());
		expect(error?.message).toMatch(
			/^Send Message failed \(429\): .*\(gave up after 1 attempt and 0 s of waiting; the next wait of 86400 s would pass the limit\)$/,
		);
		expect(emulator.callsOf('sendMessage')).toHaveLength(1);
	});

	it('pacing stays on after a garbled retry_after', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 'soon' as never } });
		const { items, error } = await runAction(
			credentials(),
			{ ...send(), text: '=msg {{ $json.n }}' },
			[1, 2, 3, 4].map((n) => ({ n })),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		const at = emulator.callsOf('sendMessage').map((call) => call.at);
		// One private chat, one message a second: four sends after the 429 take at least 3 s.
		expect(at[at.length - 1] - at[1]).toBeGreaterThanOrEqual(2900);
	});
});

describe('Request Timeout bounds the whole call', () => {
	it('an answer trickled a byte at a time is cut off at the timeout', async () => {
		emulator.failNext('getMe', { status: 200, trickleMs: 200 });
		const started = Date.now();
		const { error } = await runAction(credentials(), {
			resource: 'bot',
			operation: 'get',
			options: { requestTimeout: 2, retryWaitLimit: 0 },
		});
		const seconds = (Date.now() - started) / 1000;
		expect(error?.message).toBe(
			'Get Bot failed (no response): no answer within the time limit of 2 s (ETIMEDOUT)',
		);
		expect(seconds).toBeLessThan(4);
		// The emulator sees the connection closed: the request was aborted, not left running.
		await sleep(100);
		expect(emulator.callsOf('getMe')[0].aborted).toBe(true);
	});

	it('a download trickled a byte at a time is cut off too', async () => {
		const file = emulator.addFile(4096, 'documents/slow.pdf', 'application/pdf');
		// A server without --local: the file comes over HTTP.
		const remote = new BotApiEmulator();
		await remote.start();
		try {
			remote.files.set(file.file_id, file);
			remote.failNext('download', { status: 200, trickleMs: 200 });
			const started = Date.now();
			const { error } = await runAction(defaultCredentials(remote.baseUrl), {
				resource: 'file',
				operation: 'get',
				fileId: file.file_id,
				download: true,
				binaryPropertyName: 'data',
				options: { requestTimeout: 2, retryWaitLimit: 0 },
			});
			expect(error?.message).toBe(
				'Get File failed (no response): no answer within the time limit of 2 s (ETIMEDOUT)',
			);
			expect(Date.now() - started).toBeLessThan(4000);
		} finally {
			await remote.stop();
		}
	});
});

describe('ok:true without a result, and answers that are not the envelope', () => {
	const operations: Array<[string, Record<string, unknown>]> = [
		[
			'Send Message',
			{
				resource: 'message',
				operation: 'sendMessage',
				chatId: { __rl: true, mode: 'id', value: '1001' },
				text: 'x',
			},
		],
		[
			'Send Media Group',
			{
				resource: 'message',
				operation: 'sendMediaGroup',
				chatId: { __rl: true, mode: 'id', value: '1001' },
				media: {
					items: [
						{ source: 'reference', type: 'photo', file: 'https://example.com/a.jpg' },
						{ source: 'reference', type: 'photo', file: 'https://example.com/b.jpg' },
					],
				},
			},
		],
		[
			'Get Chat Administrators',
			{
				resource: 'chat',
				operation: 'getAdministrators',
				chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			},
		],
		['Get Commands', { resource: 'bot', operation: 'getCommands' }],
		['Get Updates', { resource: 'update', operation: 'getMany' }],
		['Get Bot', { resource: 'bot', operation: 'get' }],
	];
	for (const [label, parameters] of operations) {
		it(`${label}: {"ok": true} fails with the operation's name and the status`, async () => {
			emulator.failNext('*', {
				status: 200,
				rawBody: '{"ok":true}',
				rawContentType: 'application/json',
			});
			const { error, items } = await runAction(credentials(), parameters);
			expect(items).toEqual([]);
			expect(error?.message).toBe(
				`${label} failed (200): the Bot API answered ok:true without a result`,
			);
		});
	}

	it("keeps another server's own error text, redacted and bounded", async () => {
		emulator.failNext('getMe', {
			status: 500,
			rawBody: JSON.stringify({
				error: 'upstream exploded',
				path: '/bot{token}/getMe',
				detail: 'y'.repeat(500),
			}),
			rawContentType: 'application/json',
		});
		const result = await runAction(credentials(), {
			resource: 'bot',
			operation: 'get',
			options: { retryWaitLimit: 0 },
		});
		expect(result.error?.message).toMatch(
			/^Get Bot failed \(500\): unexpected answer from the Bot API server: \{"error":"upstream exploded","path":"\/bot7012345678:\*\*\*\/getMe"/,
		);
		expect(result.error!.message.length).toBeLessThan(300);
		expect(tokenLeaks(result.run)).toEqual([]);
	});
});

describe('chat IDs', () => {
	it('refuses what is no chat ID: 0, -0, 00, leading zeros, past 2^53', () => {
		for (const bad of [
			'0',
			'-0',
			'00',
			'-0001001',
			'0123',
			'9007199254740993',
			'-9007199254740993',
			9007199254740992,
			1.5,
		])
			expect(normaliseChatId(bad), String(bad)).toBeUndefined();
		for (const good of [
			'1001',
			'-4001',
			'-1001234567890',
			'@alerts_channel',
			9007199254740991,
			-1001234567890,
		])
			expect(normaliseChatId(good), String(good)).toBe(String(good));
	});

	it('refuses 9007199254740993 before any request instead of writing to chat …992', async () => {
		const { error } = await runAction(credentials(), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '9007199254740993' },
			text: 'x',
		});
		expect(error?.message).toBe('Send Message: "9007199254740993" is not a chat ID');
		expect(emulator.calls).toHaveLength(0);
	});

	it('Call API Method refuses a chat_id of 0 before any request', async () => {
		const { error } = await runAction(credentials(), {
			resource: 'api',
			operation: 'call',
			method: 'sendMessage',
			parameters: '{"chat_id": "00", "text": "x"}',
		});
		expect(error?.message).toBe('Call API Method: "00" is not a chat ID');
		expect(emulator.calls).toHaveLength(0);
	});
});

describe('Long Text Part Limit', () => {
	const send = (text: string, options: Record<string, unknown> = {}) => ({
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
		text,
		options,
	});

	it('a 10 MB text fails before any request, naming the count', async () => {
		const { error } = await runAction(credentials(), send('evidence '.repeat(1_200_000)));
		expect(error?.message).toBe(
			'Send Message: the text would need at least 2637 messages, more than the Long Text Part Limit of 20',
		);
		expect(emulator.calls).toHaveLength(0);
	});

	it('10 MB of HTML fails as fast, without reading it to the end', async () => {
		const { error } = await runAction(
			credentials(),
			send('<b>evidence</b> '.repeat(650_000), { parseMode: 'HTML' }),
		);
		expect(error?.message).toMatch(
			/^Send Message: the text would need at least \d+ messages, more than the Long Text Part Limit of 20$/,
		);
		expect(emulator.calls).toHaveLength(0);
	});

	it('the limit is an option; within it the text is split as before', async () => {
		const text = Array.from(
			{ length: 30 },
			(_, i) => `Finding ${i}: ${'reviewed '.repeat(60)}`,
		).join('\n\n');
		const refused = await runAction(
			credentials(),
			send(text, { maxParts: 3, messagesPerGroupPerMinute: 6000, messagesPerChatPerSecond: 100 }),
		);
		expect(refused.error?.message).toMatch(
			/the text would need at least [4-9] messages, more than the Long Text Part Limit of 3$/,
		);
		expect(emulator.calls).toHaveLength(0);
		const sent = await runAction(
			credentials(),
			send(text, { maxParts: 10, messagesPerGroupPerMinute: 6000, messagesPerChatPerSecond: 100 }),
		);
		expect(sent.error).toBeUndefined();
		expect(sent.items.length).toBeGreaterThan(3);
		expect(sent.items.length).toBeLessThanOrEqual(10);
	});

	it('a caption of megabytes is refused the same way', async () => {
		const { error } = await runAction(credentials(), {
			resource: 'message',
			operation: 'sendPhoto',
			chatId: { __rl: true, mode: 'id', value: '1001' },
			source: 'reference',
			file: 'https://example.com/a.jpg',
			caption: 'caption '.repeat(1_000_000),
		});
		expect(error?.message).toMatch(
			/^Send Photo: the caption would need at least \d+ messages, more than 20$/,
		);
		expect(emulator.calls).toHaveLength(0);
	});
});
