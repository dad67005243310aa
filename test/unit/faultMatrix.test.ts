/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- test-only: reads what n8n logs, prints the matrix figures */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import type { Update } from '@grammyjs/types';

import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { MAX_WAIT_MS } from '../../nodes/TelegramBotPollingTrigger/poller';
import { BotApiEmulator, DEFAULT_TOKEN, type Failure } from '../emulator/server';
import {
	defaultCredentials,
	PollingTriggerUnderTest,
	runAction,
	TriggerUnderTest,
	type RunResult,
} from '../harness';
import { serialiseDeep, tokenLeaks } from '../leaks';

/**
 * Every operation of the action node against every way a Bot API call can go wrong, and the
 * trigger against every malformed delivery. Each case checks the run fails (or continues) with a
 * sentence naming the operation and the status, that Continue On Fail gives one item per input
 * item, and that the token is nowhere in the result.
 */

const GROUP = '-1001234567890';
const chat = { __rl: true, mode: 'id', value: GROUP };
const url = 'https://example.com/evidence.jpg';
const pdf = { text: '%PDF-1.7 evidence', fileName: 'evidence.pdf', mimeType: 'application/pdf' };

/** The smallest valid parameters of each operation: the fault must be met by a real request. */
const OPERATIONS: Record<string, { parameters: Record<string, unknown>; binary?: boolean }> = {
	'api.call': {
		parameters: {
			method: 'sendContact',
			parameters: '{"chat_id": 1001, "phone_number": "+4930123", "first_name": "Desk"}',
		},
	},
	'bot.deleteCommands': { parameters: {} },
	'bot.get': { parameters: {} },
	'bot.getCommands': { parameters: {} },
	'bot.getDescription': { parameters: {} },
	'bot.getName': { parameters: {} },
	'bot.getShortDescription': { parameters: {} },
	'bot.setCommands': {
		parameters: { commands: { command: [{ command: 'compliance', description: 'Status' }] } },
	},
	'bot.setDescription': { parameters: { description: 'Compliance helper' } },
	'bot.setName': { parameters: { name: 'Compliance helper' } },
	'bot.setShortDescription': { parameters: { shortDescription: 'Compliance helper' } },
	'callback.answerInlineQuery': {
		parameters: {
			queryId: 'iq',
			results:
				'[{"type":"article","id":"a","title":"T","input_message_content":{"message_text":"x"}}]',
		},
	},
	'callback.answerQuery': { parameters: { queryId: 'cbq' } },
	'chat.banMember': { parameters: { chatId: chat, userId: 66 } },
	'chat.createInviteLink': { parameters: { chatId: chat } },
	'chat.get': { parameters: { chatId: chat } },
	'chat.getAdministrators': { parameters: { chatId: chat } },
	'chat.getMember': { parameters: { chatId: chat, userId: 1001 } },
	'chat.getMemberCount': { parameters: { chatId: chat } },
	'chat.leave': { parameters: { chatId: chat } },
	'chat.setDescription': { parameters: { chatId: chat, description: 'Alerts only' } },
	'chat.setTitle': { parameters: { chatId: chat, title: 'SecOps' } },
	'chat.unbanMember': { parameters: { chatId: chat, userId: 66 } },
	'file.get': {
		parameters: { fileId: 'BQACAgIAAx-file-1', download: true, binaryPropertyName: 'data' },
	},
	'message.copyMessage': {
		parameters: { chatId: chat, fromChatId: '1001', messageId: 5, caption: '' },
	},
	'message.deleteMessage': { parameters: { chatId: chat, messageId: 5 } },
	'message.editMessageCaption': { parameters: { chatId: chat, messageId: 5, caption: 'new' } },
	'message.editMessageReplyMarkup': {
		parameters: { chatId: chat, messageId: 5, replyMarkup: 'none' },
	},
	'message.sendAndWait': {
		parameters: { chatId: chat, text: 'Isolate host web-7?', responseType: 'approval' },
	},
	'message.editMessageText': { parameters: { chatId: chat, messageId: 5, text: 'new' } },
	'message.forwardMessage': { parameters: { chatId: chat, fromChatId: '1001', messageId: 5 } },
	'message.pinMessage': { parameters: { chatId: chat, messageId: 5 } },
	'message.sendAnimation': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendAudio': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendChatAction': { parameters: { chatId: chat, action: 'typing' } },
	'message.sendDice': { parameters: { chatId: chat } },
	// A binary upload: the multipart body is built again for every attempt.
	'message.sendDocument': {
		parameters: { chatId: chat, source: 'binary', binaryPropertyName: 'report' },
		binary: true,
	},
	'message.sendLocation': { parameters: { chatId: chat, latitude: 52.52, longitude: 13.4 } },
	'message.sendMediaGroup': {
		parameters: {
			chatId: chat,
			media: {
				items: [
					{ source: 'reference', type: 'photo', file: url },
					{ source: 'reference', type: 'photo', file: url },
				],
			},
		},
	},
	'message.sendMessage': {
		parameters: { chatId: chat, text: 'Suspicious login from 203.0.113.7' },
	},
	'message.sendPhoto': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendPoll': { parameters: { chatId: chat, question: 'Ship it?', answers: 'yes\nno' } },
	'message.sendSticker': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendVideo': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendVideoNote': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.sendVoice': { parameters: { chatId: chat, source: 'reference', file: url } },
	'message.unpinMessage': { parameters: { chatId: chat, messageId: 5 } },
	'update.getMany': { parameters: {} },
	'webhook.create': { parameters: { url: 'https://n8n.example.com/webhook/x' } },
	'webhook.delete': { parameters: {} },
	'webhook.get': { parameters: {} },
};

const HTML_502 =
	'<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>';

/** Each fault, and what the failure must say besides the operation's name. */
const FAULTS: Array<[string, Failure, RegExp]> = [
	['401', { status: 401, description: 'Unauthorized' }, /failed \(401\): Unauthorized$/],
	[
		'403',
		{ status: 403, description: 'Forbidden: bot was blocked by the user' },
		/failed \(403\): Forbidden: bot was blocked by the user$/,
	],
	['404', { status: 404, description: 'Not Found' }, /failed \(404\): Not Found$/],
	['409', { status: 409 }, /failed \(409\): Conflict: terminated by other getUpdates request/],
	[
		'429 storm',
		{ status: 429, parameters: { retry_after: 1 } },
		/failed \(429\): Too Many Requests: retry after 1 \(gave up after 2 attempts/,
	],
	[
		'500',
		{ status: 500, description: 'Internal Server Error' },
		/failed \(500\): Internal Server Error \(gave up after 2 attempts/,
	],
	['502 HTML page', { status: 502, rawBody: HTML_502 }, /failed \(502\): .*502 Bad Gateway/],
	[
		'connection reset',
		{ reset: true },
		/failed \(no response\): the connection was reset before Telegram answered \(ECONNRESET\)/,
	],
	[
		'timeout',
		{ delayMs: 6000, status: 500 },
		/failed \(no response\): no answer within the time limit/,
	],
	[
		'malformed JSON',
		{
			status: 200,
			rawBody: '{"ok":true,"result":{"message_id":',
			rawContentType: 'application/json',
		},
		/failed \(200\): unexpected answer from the Bot API server/,
	],
	// retry_after that is no positive integer: at least 1 s is waited and counted, never a hot loop.
	[
		'retry_after "soon"',
		{ status: 429, parameters: { retry_after: 'soon' as never } },
		/failed \(429\): Too Many Requests: retry after soon \(gave up after 2 attempts and 1 s/,
	],
	[
		'retry_after -1',
		{ status: 429, parameters: { retry_after: -1 } },
		/failed \(429\): .*\(gave up after 2 attempts and 1 s/,
	],
	[
		'retry_after 0.5',
		{ status: 429, parameters: { retry_after: 0.5 } },
		/failed \(429\): .*\(gave up after 2 attempts and 1 s/,
	],
	[
		'retry_after 1e12',
		{ status: 429, parameters: { retry_after: 1e12 } },
		/failed \(429\): .*\(gave up after 1 attempt and 0 s of waiting; the next wait of 86400 s/,
	],
	[
		'trickled answer',
		{ status: 200, trickleMs: 250 },
		/failed \(no response\): no answer within the time limit of 3 s \(ETIMEDOUT\)$/,
	],
	[
		'ok:true without result',
		{ status: 200, rawBody: '{"ok":true}', rawContentType: 'application/json' },
		/failed \(200\): the Bot API answered ok:true without a result$/,
	],
	[
		'JSON that is no envelope',
		{ status: 500, rawBody: '{"error":"upstream exploded"}', rawContentType: 'application/json' },
		/failed \(500\): unexpected answer from the Bot API server: \{"error":"upstream exploded"\}/,
	],
	[
		'page echoing the token, cut inside it',
		{ status: 502, rawBody: `${'x'.repeat(84)} /bot{token}/method` },
		/failed \(502\): unexpected answer from the Bot API server: x+ \/bot\d+:\*\*\*/,
	],
];

/** Faults whose wait is longer than any test: the polling trigger must wait, not poll again. */
const LONG_WAITS = new Set(['retry_after 1e12']);

/**
 * Short waits so the matrix runs in seconds: one retry, no pacing, a 3 s limit on each whole call
 * (credential, request and answer: 40 cases at once on two busy cores need more than 1 s).
 */
const CASE_OPTIONS = {
	retryWaitLimit: 1,
	requestTimeout: 3,
	messagesPerSecond: 1000,
	messagesPerChatPerSecond: 100,
	messagesPerGroupPerMinute: 6000,
};

function allOperations(): string[] {
	const { properties } = new TelegramBot().description;
	return properties
		.filter((p) => p.name === 'operation')
		.flatMap((p) => {
			const resource = String(p.displayOptions?.show?.resource?.[0]);
			return (p.options as Array<{ value: string }>).map((o) => `${resource}.${o.value}`);
		});
}

/** Each operation has a bot of its own, so every call and every leak is traced to its case. */
const tokenOf = (index: number) =>
	`${7100000000 + index}:AAH${String(index).padStart(3, '0')}-matrixSecretHalf_abcdefghijklmn`;

const emulators = new Map<string, BotApiEmulator>();

beforeAll(async () => {
	// One call first, so that loading n8n-core's request path is not timed inside 40 cases at once.
	const warm = new BotApiEmulator();
	await warm.start();
	await runAction(defaultCredentials(warm.baseUrl), { resource: 'bot', operation: 'get' });
	await warm.stop();
	for (const [name, failure] of FAULTS) {
		const emulator = new BotApiEmulator();
		Object.keys(OPERATIONS).forEach((_, index) =>
			emulator.addBot(tokenOf(index), {
				id: 9000 + index,
				first_name: 'Matrix',
				username: `matrix_${index}_bot`,
			}),
		);
		emulator.alwaysFail = failure;
		await emulator.start();
		emulators.set(name, emulator);
	}
});
afterAll(async () => {
	for (const emulator of emulators.values()) await emulator.stop();
});

interface CaseResult {
	name: string;
	problems: string[];
	leaks: number;
	lost: number;
}

async function runCase(
	operation: string,
	index: number,
	fault: (typeof FAULTS)[number],
): Promise<CaseResult> {
	const [faultName, , expected] = fault;
	const emulator = emulators.get(faultName)!;
	const { parameters, binary } = OPERATIONS[operation];
	const [resource, op] = operation.split('.');
	const credentials = { serverUrl: emulator.baseUrl, apiToken: tokenOf(index) };
	const node = { resource, operation: op, ...parameters, options: CASE_OPTIONS };
	const input = [0, 1].map((n) => ({ n, ...(binary ? { $binary: { report: pdf } } : {}) }));
	const problems: string[] = [];

	const stopped = await runAction(credentials, node, [input[0]]);
	const continued = await runAction(credentials, node, input, { continueOnFail: true });

	const named = /^[A-Z][A-Za-z ]+ failed \((\d{3}|no response)\): /;
	const message = stopped.error?.message ?? '';
	if (!named.test(message) || !expected.test(message))
		problems.push(`without Continue On Fail: "${message || 'no error'}"`);
	const errors = continued.items.map((item) => String(item?.json?.error ?? ''));
	if (continued.error)
		problems.push(`Continue On Fail stopped the run: ${continued.error.message}`);
	errors.forEach((error, i) => {
		if (!named.test(error) || !expected.test(error)) problems.push(`item ${i}: "${error}"`);
	});
	const pairs = continued.items.map(
		(item) => (item.pairedItem as { item: number } | undefined)?.item,
	);
	if (JSON.stringify(pairs) !== '[0,1]')
		problems.push(`items paired with ${JSON.stringify(pairs)}`);
	const calls = emulator.calls.filter((call) => call.token === credentials.apiToken);
	if (calls.length === 0) problems.push('no request reached the server');

	const leaks = [stopped, continued].flatMap((result: RunResult) =>
		tokenLeaks(result, credentials.apiToken),
	);
	return {
		name: `${operation} × ${faultName}`,
		problems,
		leaks: leaks.length,
		lost: Math.max(0, input.length - continued.items.length),
	};
}

/** Runs the cases `width` at a time: most of each case is waiting for a retry or a timeout. */
async function pool<T, R>(tasks: T[], width: number, run: (task: T) => Promise<R>): Promise<R[]> {
	const results: R[] = [];
	let next = 0;
	const worker = async () => {
		while (next < tasks.length) {
			const index = next++;
			results[index] = await run(tasks[index]);
		}
	};
	await Promise.all(Array.from({ length: width }, worker));
	return results;
}

/** Everything written to stdout, stderr or the console while `run` runs (n8n's log lines among it), held back. */
async function capturingOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string }> {
	const chunks: string[] = [];
	// n8n's logger (winston) writes to console._stdout, which a test runner may point elsewhere.
	const own = console as unknown as { _stdout?: NodeJS.WriteStream; _stderr?: NodeJS.WriteStream };
	const streams = [process.stdout, process.stderr, own._stdout, own._stderr].filter(
		(stream, i, all): stream is NodeJS.WriteStream => !!stream && all.indexOf(stream) === i,
	);
	const writes = streams.map((stream) => stream.write);
	const methods = ['log', 'info', 'warn', 'error', 'debug'] as const;
	const consoles = methods.map((method) => console[method]);
	// Kept, not shown: 1,000 failing runs would bury the test report.
	streams.forEach((stream) => {
		stream.write = ((chunk: unknown) => {
			chunks.push(String(chunk));
			return true;
		}) as typeof stream.write;
	});
	methods.forEach((method) => {
		console[method] = (...args: unknown[]) => {
			chunks.push(args.map((arg) => serialiseDeep(arg)).join(' '));
		};
	});
	try {
		return { result: await run(), output: chunks.join('\n') };
	} finally {
		streams.forEach((stream, i) => (stream.write = writes[i]));
		methods.forEach((method, i) => (console[method] = consoles[i]));
	}
}

describe('fault matrix', () => {
	it('covers every operation the node offers', () => {
		expect(Object.keys(OPERATIONS).sort()).toEqual(allOperations().sort());
	});

	it(`every operation × ${FAULTS.length} faults: a clear error, one item per input item, no token`, async () => {
		const cases = Object.keys(OPERATIONS).flatMap((operation, index) =>
			FAULTS.map((fault) => ({ operation, index, fault })),
		);
		const { result: results, output } = await capturingOutput(
			async () => await pool(cases, 40, async (c) => await runCase(c.operation, c.index, c.fault)),
		);
		const logLeaks = Object.keys(OPERATIONS).flatMap((_, i) => tokenLeaks(output, tokenOf(i)));
		expect(logLeaks).toEqual([]);
		const failing = results.filter((r) => r.problems.length > 0 || r.leaks > 0 || r.lost > 0);
		const leaks = results.reduce((sum, r) => sum + r.leaks, 0);
		const lost = results.reduce((sum, r) => sum + r.lost, 0);
		console.log(
			`FAULT MATRIX action cases=${results.length} leaks=${leaks} lost=${lost} failing=${failing.length} log_chars=${output.length}`,
		);
		expect(
			failing
				.slice(0, 20)
				.map(
					(r) =>
						`${r.name}: ${r.problems.join('; ')}${r.leaks ? ` (${r.leaks} leaks)` : ''}${r.lost ? ` (${r.lost} lost)` : ''}`,
				),
		).toEqual([]);
		expect(results).toHaveLength(Object.keys(OPERATIONS).length * FAULTS.length);
	}, 300_000);
});

describe('trigger fault matrix', () => {
	const emulator = new BotApiEmulator({ selfHosted: true });
	let trigger: TriggerUnderTest;
	const group = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' };
	const update = (id: number, text = 'x') => ({
		update_id: id,
		message: { message_id: 1, date: 1_795_253_400, chat: group, text },
	});
	const fiveMb = 'x'.repeat(5 * 1024 * 1024);

	beforeAll(async () => {
		await emulator.start();
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		await trigger.listen();
		await trigger.activate();
	});
	afterAll(async () => {
		await trigger.deactivate();
		await trigger.close();
		await emulator.stop();
	});

	/** Each malformed delivery: what it sends, the status it must get, how many executions it starts. */
	const CASES: Array<[string, () => Promise<{ status: number; body: string }>, number, number]> = [
		['no secret', async () => await emulator.deliver(update(1), { secret: null }), 403, 0],
		[
			'wrong secret',
			async () => await emulator.deliver(update(2), { secret: 'A'.repeat(43) }),
			403,
			0,
		],
		[
			'secret of another length',
			async () => await emulator.deliver(update(3), { secret: 'short' }),
			403,
			0,
		],
		[
			'non-JSON body',
			async () => await emulator.deliver(null, { rawBody: '<xml>not json</xml>' }),
			400,
			0,
		],
		['empty body', async () => await emulator.deliver(null, { rawBody: '' }), 400, 0],
		[
			'5 MB body without the secret',
			async () => await emulator.deliver(update(4, fiveMb), { secret: null }),
			403,
			0,
		],
		['5 MB body that is no update', async () => await emulator.deliver({ junk: fiveMb }), 400, 0],
		[
			'unknown update type',
			async () =>
				await emulator.deliver({ update_id: 5, future_update: { id: 1 } } as unknown as Update),
			200,
			1,
		],
	];

	it(`${CASES.length} malformed deliveries: refused or answered 200, no stray execution, no token`, async () => {
		const problems: string[] = [];
		let leaks = 0;
		for (const [name, deliver, status, executions] of CASES) {
			const before = trigger.emitted.length;
			const answer = await deliver();
			const started = trigger.emitted.length - before;
			if (answer.status !== status)
				problems.push(`${name}: answered ${answer.status}, not ${status}`);
			if (started !== executions) problems.push(`${name}: started ${started} executions`);
			leaks += tokenLeaks(answer.body, DEFAULT_TOKEN).length;
		}
		leaks += tokenLeaks(trigger.emitted, DEFAULT_TOKEN).length;
		console.log(
			`FAULT MATRIX trigger cases=${CASES.length} leaks=${leaks} problems=${problems.length}`,
		);
		expect(problems).toEqual([]);
		expect(leaks).toBe(0);
		expect(trigger.emitted[0][0].json).toMatchObject({
			updateId: 5,
			updateType: 'future_update',
			text: null,
		});
	});
});

describe('polling trigger fault matrix', () => {
	/** What waiting cannot mend stops the trigger with the error n8n shows; the rest is waited out. */
	const FATAL = new Set(['401', '403', '404']);
	const chat = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' };

	async function pollingCase([name, failure, expected]: (typeof FAULTS)[number]) {
		const emulator = new BotApiEmulator();
		await emulator.start();
		const poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options: { pollTimeout: 1 },
		} as never);
		const problems: string[] = [];
		try {
			// A long poll's time limit is its poll time plus 10 s: the timeout must outlast that.
			emulator.failNext(
				'getUpdates',
				name === 'timeout' ? { ...failure, delayMs: 12_000 } : failure,
			);
			const update = emulator.pushUpdate({
				message: { message_id: 1, date: 1_795_253_400, chat, text: 'after the fault' },
			} as unknown as Omit<Update, 'update_id'>);
			await poller.activate();
			if (LONG_WAITS.has(name)) {
				await new Promise((resolve) => setTimeout(resolve, 1500));
				const polls = emulator.callsOf('getUpdates').length;
				if (polls !== 1) problems.push(`polled ${polls} times instead of waiting`);
				// The transport caps retry_after at a day; the poller waits 5 minutes at most and says so.
				const said = `polling again in ${MAX_WAIT_MS / 1000} s (the server asked for 86400 s;`;
				if (!poller.logs.some((line) => line.includes(said)))
					problems.push('the wait was not logged');
				const leaks = tokenLeaks([poller.errors, poller.logs], DEFAULT_TOKEN).length;
				return { name, problems, leaks };
			}
			await poller.until(1);
			const emitted = poller.emitted.map(([item]) => item.json.updateId);
			const errors = poller.errors.map((error) => error.message);
			const warnings = poller.logs.filter((line) => line.startsWith('warn'));
			if (FATAL.has(name)) {
				if (emitted.length) problems.push(`emitted ${emitted.length} after a fatal ${name}`);
				if (!/^Poll Updates failed \(\d{3}\): /.test(errors[0] ?? '') || !expected.test(errors[0]))
					problems.push(`error: "${errors[0] ?? 'none'}"`);
			} else {
				if (JSON.stringify(emitted) !== JSON.stringify([update.update_id]))
					problems.push(`emitted ${JSON.stringify(emitted)}`);
				if (errors.length) problems.push(`stopped with "${errors[0]}"`);
				const said =
					name === 'timeout' ? 'no answer within the time limit' : 'Poll Updates failed (';
				if (!warnings.some((line) => line.includes(said)))
					problems.push('the fault was not logged');
			}
			const leaks = tokenLeaks([poller.errors, poller.logs, poller.emitted], DEFAULT_TOKEN).length;
			return { name, problems, leaks };
		} finally {
			await poller.deactivate();
			await emulator.stop();
		}
	}

	it(`${FAULTS.length} faults of getUpdates: waited out or shown, nothing lost or repeated, no token`, async () => {
		// Concurrently, each against its own emulator: the timeout case waits for the poll's time limit.
		const results = await Promise.all(FAULTS.map(pollingCase));
		const leaks = results.reduce((sum, r) => sum + r.leaks, 0);
		console.log(`FAULT MATRIX polling cases=${results.length} leaks=${leaks}`);
		expect(
			results.filter((r) => r.problems.length).map((r) => `${r.name}: ${r.problems.join('; ')}`),
		).toEqual([]);
		expect(leaks).toBe(0);
	}, 60_000);
});
