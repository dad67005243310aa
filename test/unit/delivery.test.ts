import { sleep } from 'n8n-workflow';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN, type EmulatorOptions } from '../emulator/server';
import { credentialReadsSoFar, defaultCredentials, runAction } from '../harness';
import { tokenLeaks } from '../leaks';

const GROUP = -1001234567890;
const PRIVATE = 1001;
const OLD_GROUP = -4001;

/** Limits high enough that a test is never slowed by pacing, unless it says otherwise. */
const FAST = {
	messagesPerSecond: 1000,
	messagesPerChatPerSecond: 100,
	messagesPerGroupPerMinute: 6000,
};

const send = (chatId: string | number, text: string, options: Record<string, unknown> = FAST) => ({
	resource: 'message',
	operation: 'sendMessage',
	chatId: { __rl: true, mode: 'id', value: String(chatId) },
	text,
	options,
});

/** Items whose chat and text come from the input, as a notification fan-out builds them. */
const fanOut = (options: Record<string, unknown> = FAST) =>
	send('={{ $json.chat }}', '={{ $json.text }}', options);

let emulator: BotApiEmulator;
async function startEmulator(options: EmulatorOptions = {}) {
	emulator = new BotApiEmulator(options);
	await emulator.start();
	for (let i = 0; i < 10; i++)
		emulator.addChat({ id: 2000 + i, type: 'private', first_name: `User ${i}` });
}
afterEach(async () => await emulator.stop());

const textsTo = (chatId: number) =>
	emulator
		.callsOf('sendMessage')
		.filter((call) => call.status === 200 && Number(call.params.chat_id) === chatId)
		.map((call) => String(call.params.text));

describe('delivery engine', () => {
	beforeEach(async () => await startEmulator());

	it('sends different chats concurrently and each chat in input order; output keeps input order', async () => {
		const chats = [GROUP, PRIVATE, 2000];
		// Grouped per chat, as a digest builds them: a one-at-a-time sender would send all of chat 1 first.
		const input = chats.flatMap((chat) =>
			Array.from({ length: 5 }, (_, i) => ({ chat, text: `${chat} #${i + 1}` })),
		);
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ ...FAST, messagesPerChatPerSecond: 20 }),
			input,
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.text)).toEqual(input.map((entry) => entry.text));
		expect(items.map((item) => (item.pairedItem as { item: number }).item)).toEqual(
			input.map((_, i) => i),
		);
		for (const chat of chats)
			expect(textsTo(chat)).toEqual(input.filter((e) => e.chat === chat).map((e) => e.text));
		// The first three requests went to three different chats, not to the first chat three times.
		const firstChats = emulator
			.callsOf('sendMessage')
			.slice(0, 3)
			.map((call) => Number(call.params.chat_id));
		expect(new Set(firstChats)).toEqual(new Set(chats));
	});

	it('asks n8n for the credential once per execution, not once per request', async () => {
		// n8n's httpRequestWithAuthentication reads the credential itself unless it is handed one: in
		// n8n that is a database query and a decryption, per message of a fan-out.
		const input = Array.from({ length: 20 }, (_, i) => ({ chat: 2000 + (i % 10), text: `#${i}` }));
		const before = credentialReadsSoFar();
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ ...FAST, messagesPerChatPerSecond: 20 }),
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(20);
		expect(emulator.callsOf('sendMessage').filter((call) => call.status === 200)).toHaveLength(20);
		expect(credentialReadsSoFar() - before).toBe(1);
	});

	it('waits exactly retry_after on a 429 and resends the same request', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 1 } });
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(PRIVATE, 'after the flood'),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		const [refused, retried] = emulator.callsOf('sendMessage');
		expect(refused.status).toBe(429);
		expect(retried.status).toBe(200);
		expect(retried.params).toEqual(refused.params);
		expect(retried.at - refused.at).toBeGreaterThanOrEqual(1000);
	});

	it("a 429 in one execution pauses the bot's other executions too", async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 1 } });
		const credentials = defaultCredentials(emulator.baseUrl);
		const first = runAction(credentials, send(PRIVATE, 'first execution'));
		while (!emulator.callsOf('sendMessage').some((call) => call.status === 429)) await sleep(10);
		// The first execution has read the answer by now.
		await sleep(200);
		const second = await runAction(credentials, send(2000, 'second execution'));
		expect(second.error).toBeUndefined();
		expect((await first).error).toBeUndefined();
		const refusedAt = emulator.callsOf('sendMessage').find((call) => call.status === 429)!.at;
		const [sentAt] = emulator
			.callsOf('sendMessage')
			.filter((call) => call.params.text === 'second execution')
			.map((call) => call.at);
		// Telegram's retry_after holds for the whole bot, whichever execution it answered.
		expect(sentAt - refusedAt).toBeGreaterThanOrEqual(950);
	});

	/** Execution A gets a 429 with retry_after 5 and waits it out: the whole bot is paused 5 s. */
	async function pauseTheBotFor5s() {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 5 } });
		const first = runAction(defaultCredentials(emulator.baseUrl), send(PRIVATE, 'first execution'));
		while (!emulator.callsOf('sendMessage').some((call) => call.status === 429)) await sleep(10);
		// The first execution has read the answer and paused the bot by now.
		await sleep(200);
		// In an object: an async function returning the promise itself would wait for it.
		return { first };
	}

	it("another execution's pause longer than an item may still wait fails the item at once", async () => {
		const { first } = await pauseTheBotFor5s();
		const started = Date.now();
		const second = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(2000, 'second execution', { ...FAST, retryWaitLimit: 2 }),
		);
		expect(Date.now() - started).toBeLessThan(1500);
		expect(second.error?.message).toMatch(
			/^Send Message failed \(429\): Too Many Requests: retry after 5\b.*\(gave up after 1 attempt and 0 s of waiting; the next wait of 5 s would pass the limit\)$/,
		);
		expect(second.error?.httpCode).toBe('429');
		expect(
			emulator.callsOf('sendMessage').filter((c) => c.params.text === 'second execution'),
		).toEqual([]);
		expect((await first).error).toBeUndefined();
	}, 15_000);

	it("another execution's pause within the limit is waited out, then the item is sent", async () => {
		const { first } = await pauseTheBotFor5s();
		const refusedAt = emulator.callsOf('sendMessage').find((call) => call.status === 429)!.at;
		const second = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(2000, 'second execution', { ...FAST, retryWaitLimit: 10 }),
		);
		expect(second.error).toBeUndefined();
		const [sent] = emulator
			.callsOf('sendMessage')
			.filter((c) => c.params.text === 'second execution');
		expect(sent.status).toBe(200);
		expect(sent.at - refusedAt).toBeGreaterThanOrEqual(4950);
		expect((await first).error).toBeUndefined();
	}, 20_000);

	it("the wait for another execution's pause counts against the item's Retry Wait Limit", async () => {
		emulator.failNext('sendDice', { status: 429, parameters: { retry_after: 6 } });
		const { first } = await pauseTheBotFor5s();
		const dice = await runAction(defaultCredentials(emulator.baseUrl), {
			resource: 'message',
			operation: 'sendDice',
			chatId: { __rl: true, mode: 'id', value: '2000' },
			emoji: '🎯',
			options: { ...FAST, retryWaitLimit: 10 },
		});
		// About 5 s waited for the pause, then its own 429 asks for 6 more: past 10 s.
		expect(dice.error?.message).toMatch(
			/^Send Dice failed \(429\): .*\(gave up after 1 attempt and 5 s of waiting; the next wait of 6 s would pass the limit\)$/,
		);
		expect(emulator.callsOf('sendDice').map((call) => call.status)).toEqual([429]);
		expect((await first).error).toBeUndefined();
	}, 20_000);

	it("stopping an execution ends its wait for another execution's pause: nothing sent, the chat free", async () => {
		const { first } = await pauseTheBotFor5s();
		const stop = sleep(300);
		const second = runAction(
			defaultCredentials(emulator.baseUrl),
			send(2000, 'stopped execution', { ...FAST, retryWaitLimit: 60 }),
			[{}],
			{ cancel: stop },
		);
		await stop;
		// The stopped item no longer holds the chat's turn: the next one to that chat is answered at once.
		const started = Date.now();
		const third = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(2000, 'third execution', { ...FAST, retryWaitLimit: 1 }),
		);
		expect(Date.now() - started).toBeLessThan(1500);
		expect(third.error?.message).toMatch(/would pass the limit\)$/);
		await second;
		expect((await first).error).toBeUndefined();
		await sleep(500);
		expect(emulator.callsOf('sendMessage').map((c) => c.params.text)).toEqual([
			'first execution',
			'first execution',
		]);
	}, 20_000);

	it('follows a group upgraded to a supergroup once, and says so', async () => {
		emulator.addChat({ id: -1005550001, type: 'supergroup', title: 'Audit Team' });
		emulator.chats.get(String(OLD_GROUP))!.migratedTo = -1005550001;
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(OLD_GROUP, 'to the new group'),
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json.migratedToChatId).toBe(-1005550001);
		expect((items[0].json.chat as { id: number }).id).toBe(-1005550001);
		expect(emulator.callsOf('sendMessage').map((call) => Number(call.params.chat_id))).toEqual([
			OLD_GROUP,
			-1005550001,
		]);
	});

	it('delivers every item exactly once through a storm of 5xx and resets', async () => {
		emulator.failNext('sendMessage', { status: 502, rawBody: '<html>Bad Gateway</html>' }, 4);
		emulator.failNext('sendMessage', { status: 500 }, 4);
		emulator.failNext('sendMessage', { reset: true }, 4);
		const input = Array.from({ length: 12 }, (_, i) => ({
			chat: 2000 + (i % 4),
			text: `alert ${i}`,
		}));
		const { items, error } = await runAction(defaultCredentials(emulator.baseUrl), fanOut(), input);
		expect(error).toBeUndefined();
		expect(items.map((item) => item.json.text)).toEqual(input.map((entry) => entry.text));
		const delivered = emulator.bot().sent.map((message) => message.text);
		expect([...delivered].sort()).toEqual(input.map((entry) => entry.text).sort());
		expect(emulator.callsOf('sendMessage').length).toBe(24);
	});

	it('fails an item that waited past its limit with how long it waited, and loses none (Continue On Fail)', async () => {
		emulator.failNext('sendMessage', { status: 500 }, 50);
		const input = Array.from({ length: 3 }, (_, i) => ({ chat: GROUP, text: `alert ${i}` }));
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ ...FAST, retryWaitLimit: 1 }),
			input,
			{ continueOnFail: true },
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(3);
		for (const item of items) {
			expect(item.json.error).toMatch(
				/^Send Message failed \(500\): Internal Server Error \(gave up after 2 attempts and 1 s of waiting/,
			);
		}
		expect(tokenLeaks(items)).toEqual([]);
	});

	it('stops what is not sent yet when an item fails without Continue On Fail', async () => {
		emulator.failNext('sendMessage', { status: 400, description: 'Bad Request: chat not found' });
		const input = Array.from({ length: 5 }, (_, i) => ({ chat: PRIVATE, text: `step ${i}` }));
		const { error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ ...FAST, messagesPerChatPerSecond: 1 }),
			input,
		);
		expect(error?.message).toBe('Send Message failed (400): Bad Request: chat not found');
		expect(emulator.callsOf('sendMessage')).toHaveLength(1);
	});

	it("a failed item ends the others' retry waits: the run fails at once, not after a 30 s retry_after", async () => {
		// Item 1 (another chat) is told to wait 30 s; item 0 fails meanwhile without Continue On Fail.
		emulator.failNext('sendDice', { status: 429, parameters: { retry_after: 30 } });
		const input = [
			{ method: 'sendMessage', params: { chat_id: 9999, text: 'nobody here' } },
			{ method: 'sendDice', params: { chat_id: 2000 } },
		];
		const started = Date.now();
		const { error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			{
				resource: 'api',
				operation: 'call',
				method: '={{ $json.method }}',
				parameters: '={{ JSON.stringify($json.params) }}',
				options: FAST,
			},
			input,
		);
		expect(error?.message).toBe('Call API Method failed (400): Bad Request: chat not found');
		expect(Date.now() - started).toBeLessThan(5_000);
		// The waiting item was not sent again.
		expect(emulator.callsOf('sendDice')).toHaveLength(1);
	}, 40_000);
});

describe('Also Send To', () => {
	beforeEach(async () => await startEmulator());

	it('sends one item to every chat, one output item per delivery', async () => {
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(GROUP, 'Incident opened', { ...FAST, additionalChatIds: '1001, @alerts_channel\n2003' }),
		);
		expect(error).toBeUndefined();
		expect(items.map((item) => (item.json.chat as { id: number }).id)).toEqual([
			GROUP,
			PRIVATE,
			-1009876543210,
			2003,
		]);
		expect(
			emulator
				.callsOf('sendMessage')
				.map((call) => String(call.params.chat_id))
				.sort(),
		).toEqual([String(GROUP), '1001', '2003', '@alerts_channel'].sort());
	});

	it('refuses a malformed ID before any request', async () => {
		const { error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(GROUP, 'x', { additionalChatIds: '1001, alerts' }),
		);
		expect(error?.message).toBe('Send Message: "alerts" in Also Send To is not a chat ID');
		expect(emulator.calls).toHaveLength(0);
	});

	it('keeps the deliveries that worked and names the chat that failed (Continue On Fail)', async () => {
		const { items } = await runAction(
			defaultCredentials(emulator.baseUrl),
			send(GROUP, 'Incident opened', { ...FAST, additionalChatIds: '-1000000000404, 1001' }),
			[{}],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(3);
		expect(items[1].json).toMatchObject({
			chatId: -1000000000404,
			error: 'Send Message failed (400): Bad Request: chat not found',
		});
		expect((items[2].json.chat as { id: number }).id).toBe(PRIVATE);
	});
	it('fails an item whose input is bad once, not once per chat, and sends nothing (Continue On Fail)', async () => {
		const { items } = await runAction(
			defaultCredentials(emulator.baseUrl),
			{
				resource: 'message',
				operation: 'sendDocument',
				chatId: { __rl: true, mode: 'id', value: String(GROUP) },
				source: 'binary',
				binaryPropertyName: 'missing',
				options: { ...FAST, additionalChatIds: '1001, 2003' },
			},
			[{}],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(1);
		expect(String(items[0].json.error)).toContain('missing');
		expect(emulator.calls).toHaveLength(0);
	});
});

describe('under flood limits enforced by the emulator', () => {
	/** Telegram's default limits on the emulator's clock (20 times faster). */
	const SCALED = {
		messagesPerSecond: 600,
		messagesPerChatPerSecond: 20,
		messagesPerGroupPerMinute: 400,
	};
	beforeEach(async () => await startEmulator({ limits: { timeScale: 20 } }));

	it('keeps within every limit at default settings scaled to the emulator clock: no 429', async () => {
		const chats = [GROUP, PRIVATE, 2000, 2001];
		const input = chats.flatMap((chat) =>
			Array.from({ length: 8 }, (_, i) => ({ chat, text: `${chat} #${i + 1}` })),
		);
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut(SCALED),
			input,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(input.length);
		expect(emulator.floodRefusals).toBe(0);
		for (const chat of chats)
			expect(textsTo(chat)).toEqual(input.filter((e) => e.chat === chat).map((e) => e.text));
	});

	it('two executions on one bot started together share its budgets: no 429, every chat in order', async () => {
		const chats = [GROUP, PRIVATE, ...Array.from({ length: 6 }, (_, i) => 2000 + i)];
		const inputOf = (run: string) =>
			chats.flatMap((chat) =>
				Array.from({ length: 6 }, (_, i) => ({ chat, text: `${run} ${chat} #${i + 1}` })),
			);
		const runs = ['A', 'B'].map(inputOf);
		const [a, b] = await Promise.all(
			runs.map(
				async (input) =>
					await runAction(defaultCredentials(emulator.baseUrl), fanOut(SCALED), input),
			),
		);
		expect(a.error).toBeUndefined();
		expect(b.error).toBeUndefined();
		expect(emulator.floodRefusals).toBe(0);
		for (const chat of chats)
			for (const [index, input] of runs.entries())
				expect(textsTo(chat).filter((text) => text.startsWith(index ? 'B' : 'A'))).toEqual(
					input.filter((e) => e.chat === chat).map((e) => e.text),
				);
	});

	it('a sender that ignores the limits is refused, and the engine recovers from the same burst', async () => {
		const input = Array.from({ length: 6 }, (_, i) => ({ chat: PRIVATE, text: `burst ${i}` }));
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ messagesPerSecond: 1000, messagesPerChatPerSecond: 100 }),
			input,
		);
		expect(error).toBeUndefined();
		expect(emulator.floodRefusals).toBeGreaterThan(0);
		expect(textsTo(PRIVATE)).toEqual(input.map((entry) => entry.text));
		expect(items.map((item) => item.json.text)).toEqual(input.map((entry) => entry.text));
	});
});

describe('paid broadcast', () => {
	/** Telegram's real limits: 30 free sends a second per bot, 1,000 paid ones. */
	beforeEach(async () => {
		await startEmulator({ limits: {} });
		for (let i = 0; i < 120; i++)
			emulator.addChat({ id: 9000 + i, type: 'private', first_name: `Reader ${i}` });
	});
	const readers = Array.from({ length: 120 }, (_, i) => ({ chat: 9000 + i, text: `Notice ${i}` }));

	it('takes its own budget: 120 chats in well under the 4 s the free 30 a second need, no 429', async () => {
		const { items, error } = await runAction(
			defaultCredentials(emulator.baseUrl),
			fanOut({ allowPaidBroadcast: true }),
			readers,
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(readers.length);
		expect(emulator.floodRefusals).toBe(0);
		const sends = emulator.callsOf('sendMessage');
		expect(sends.every((call) => call.params.allow_paid_broadcast === true)).toBe(true);
		expect(sends.at(-1)!.at - sends[0].at).toBeLessThan(2000);
	});

	it('the emulator holds free sends to 30 a second and paid ones to 1,000', async () => {
		const blast = async (paid: boolean) =>
			await Promise.all(
				readers.map(async ({ chat, text }) => {
					const response = await fetch(`${emulator.baseUrl}/bot${DEFAULT_TOKEN}/sendMessage`, {
						method: 'POST',
						headers: { 'content-type': 'application/json' },
						body: JSON.stringify({
							chat_id: chat,
							text,
							...(paid ? { allow_paid_broadcast: true } : {}),
						}),
					});
					return response.status;
				}),
			);
		expect((await blast(true)).filter((status) => status === 429)).toHaveLength(0);
		expect((await blast(false)).filter((status) => status === 429).length).toBeGreaterThan(0);
	});
});
