/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a benchmark drives a real n8n process, prints its figures and reads its size from the environment */
import { createRequire } from 'node:module';
import { join } from 'node:path';

import { request } from 'undici';
import { afterAll, beforeAll, expect, it } from 'vitest';

import { DEFAULT_TOKEN } from '../test/emulator/server';
import { webhookNode } from '../test/e2e/fixtures';
import { N8nInstance, ROOT } from '../test/e2e/n8nProcess';
import { emulatorWith, stopEmulator, timed, WARM_UP_MESSAGES } from './emulated';
import type { RemoteEmulator } from './remoteEmulator';

/**
 * P7 in the real n8n 2.41.1 (Node 24, SQLite, regular mode, as a default install runs): a
 * Webhook answering when the last node finishes → a Code node making one item per chat → Send
 * Message with Paid Broadcast and Continue On Fail. n8n, the emulator and this benchmark are
 * three processes. Whatever n8n does per item or per request (expressions, the credential,
 * pairedItem bookkeeping, execution hooks, saving the execution to SQLite) is in the figure.
 */

const PAID_CEILING = 1000;
/** The measured broadcast's size: 10,000 unless `P7_MESSAGES` asks for a smaller smoke run. */
const MESSAGES = Number(process.env.P7_MESSAGES ?? 10_000);
const FIRST_CHAT = 100_000;
const WARM_UP_FIRST_CHAT = 900_000;
const PATH = 'p7-paid-broadcast';

/** n8n's own parser for the execution data its REST API hands out (flatted). */
const flatted = createRequire(join(ROOT, '.n8n-runtime/node_modules/n8n/package.json'))(
	'flatted',
) as { parse: (text: string) => unknown };

/**
 * `P7_CPU_PROFILE=<folder>`: n8n's process writes a V8 CPU profile there when it exits; the line
 * `P7n8n profile` gives the measured execution's place on its clock (milliseconds before the exit).
 */
const PROFILE_DIR = process.env.P7_CPU_PROFILE;
const n8n = new N8nInstance(
	PROFILE_DIR ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILE_DIR}` } : {},
);
let emulator: RemoteEmulator;
let workflowId = '';
let measured: { startedAt: number; stoppedAt: number } | undefined;

function broadcastWorkflow(credential: { id: string; name: string }) {
	return {
		name: 'Bench: P7 paid broadcast',
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			webhookNode(
				{ id: 'hook', name: 'Webhook', webhookId: 'bench-p7-paid-broadcast', path: PATH },
				// Answers once the last node has finished, with no data: the call times the execution.
				{ responseMode: 'lastNode', responseData: 'noData' },
			),
			{
				id: 'recipients',
				name: 'Recipients',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				position: [200, 0],
				parameters: {
					jsCode: [
						'const { count, first } = $input.first().json.body;',
						'return Array.from({ length: count }, (_, i) => ({',
						'\tjson: { chat: first + i, text: `Policy update for ${first + i}` },',
						'}));',
					].join('\n'),
				},
			},
			{
				id: 'send',
				name: 'Send',
				type: 'n8n-nodes-telegram-bot.telegramBot',
				typeVersion: 1,
				position: [400, 0],
				onError: 'continueRegularOutput',
				parameters: {
					resource: 'message',
					operation: 'sendMessage',
					chatId: { __rl: true, mode: 'id', value: '={{ $json.chat }}' },
					text: '={{ $json.text }}',
					options: { allowPaidBroadcast: true },
				},
				credentials: { telegramBotApi: credential },
			},
		],
		connections: {
			Webhook: { main: [[{ node: 'Recipients', type: 'main', index: 0 }]] },
			Recipients: { main: [[{ node: 'Send', type: 'main', index: 0 }]] },
		},
	};
}

async function rest<T>(method: string, path: string, body?: unknown): Promise<T> {
	const answer = await n8n.rest(method, path, body);
	if (answer.status !== 200)
		throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.json)}`);
	return (answer.json as { data: T }).data;
}

interface RunData {
	startTime: number;
	executionTime: number;
	data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
}

/** The newest execution of the workflow once n8n has saved it, with its data parsed. */
async function newestExecution() {
	const filter = encodeURIComponent(JSON.stringify({ workflowId }));
	const listed = await n8n.until('the execution to be saved', async () => {
		// n8n answers 503 "Database is not ready!" while its database health check is late, as it
		// can be right after a busy execution: asked again.
		const page = await n8n.rest('GET', `/executions?filter=${filter}&limit=1`);
		if (page.status !== 200) return undefined;
		const newest = (page.json as { data: { results: Array<{ id: string; stoppedAt?: string }> } })
			.data.results[0];
		return newest?.stoppedAt ? newest : undefined;
	});
	const found = await rest<{ status: string; startedAt: string; stoppedAt: string; data: string }>(
		'GET',
		`/executions/${listed.id}`,
	);
	const data = flatted.parse(found.data) as {
		resultData: { runData: Record<string, RunData[]> };
	};
	return {
		status: found.status,
		startedAt: Date.parse(found.startedAt),
		stoppedAt: Date.parse(found.stoppedAt),
		send: data.resultData.runData.Send[0],
	};
}

/** One call of the webhook: `count` messages to as many chats from `first`; answers when Send is done. */
async function broadcast(count: number, first: number) {
	const call = await timed(async () => {
		const response = await request(`${n8n.baseUrl}/webhook/${PATH}`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ count, first }),
			headersTimeout: 300_000,
			bodyTimeout: 300_000,
		});
		return { status: response.statusCode, text: await response.body.text() };
	});
	if (call.value.status !== 200)
		throw new Error(`webhook: ${call.value.status} ${call.value.text}`);
	return { ...(await newestExecution()), roundTrip: call.seconds };
}

/**
 * n8n registers an activated workflow's webhook a moment after the activation call has answered;
 * a call before that is refused with 404 and starts nothing.
 */
async function webhookRegistered(): Promise<void> {
	await n8n.until('the webhook to be registered', async () => {
		const response = await request(`${n8n.baseUrl}/webhook/${PATH}`, { method: 'GET' });
		const text = await response.body.text();
		// Registered for POST only: a GET is refused, naming the method it takes.
		return !text.includes('is not registered.') || undefined;
	});
}

beforeAll(async () => {
	const chats = [
		...Array.from({ length: WARM_UP_MESSAGES }, (_, i) => WARM_UP_FIRST_CHAT + i),
		...Array.from({ length: MESSAGES }, (_, i) => FIRST_CHAT + i),
	];
	emulator = await emulatorWith({ limits: {}, latencyMs: 20 }, chats);
	await n8n.init();
	await n8n.start();
	const credential = await rest<{ id: string; name: string }>('POST', '/credentials', {
		name: 'Telegram Emulator',
		type: 'telegramBotApi',
		data: { serverUrl: emulator.baseUrl, apiToken: DEFAULT_TOKEN },
	});
	workflowId = (await rest<{ id: string }>('POST', '/workflows', broadcastWorkflow(credential))).id;
	await n8n.activate(workflowId);
	await webhookRegistered();
}, 240_000);

afterAll(async () => {
	await n8n.stop();
	if (PROFILE_DIR && measured) {
		const exitedAt = Date.now();
		console.log(
			`P7n8n profile: ${PROFILE_DIR}, measured execution from ${exitedAt - measured.startedAt} ms to ${exitedAt - measured.stoppedAt} ms before the exit`,
		);
	}
	await n8n.dispose();
	await stopEmulator();
});

/** P7n8n: 10,000 messages to 10,000 chats with paid broadcast, one execution of the real n8n. */
it('P7 paid broadcast in the real n8n', async () => {
	// As an n8n that has run for a while: its execution path, the node and Node's HTTP client compiled.
	const warm = await broadcast(WARM_UP_MESSAGES, WARM_UP_FIRST_CHAT);
	expect(warm.status).toBe('success');
	const run = await broadcast(MESSAGES, FIRST_CHAT);
	measured = run;
	const items = run.send.data?.main[0] ?? [];
	const failed = items.filter((item) => item.json.error).length + (MESSAGES - items.length);
	const sends = (await emulator.callsOf('sendMessage', ['chat_id', 'allow_paid_broadcast'])).filter(
		(call) =>
			call.status === 200 &&
			Number(call.params.chat_id) >= FIRST_CHAT &&
			Number(call.params.chat_id) < FIRST_CHAT + MESSAGES,
	);
	const seconds = (run.stoppedAt - run.startedAt) / 1000;
	const window = (sends.at(-1)!.at - sends[0].at) / 1000;
	const leadIn = (sends[0].at - run.startedAt) / 1000;
	const tail = (run.stoppedAt - sends.at(-1)!.at) / 1000;
	const nodeSeconds = run.send.executionTime / 1000;
	const fraction = (messages: number, over: number) => (messages / over / PAID_CEILING).toFixed(3);
	// n8n pings its database every 2 s; a ping that times out marks the database as not ready and
	// n8n answers every request (webhooks of other workflows included) with 503 until one succeeds.
	const pingFailures = n8n.log().match(/Database ping failed/g)?.length ?? 0;
	console.log(
		`BENCH P7n8n messages=${MESSAGES} chats=${MESSAGES} failed=${failed} flood_refusals=${await emulator.floodRefusals()} fraction_of_paid_ceiling=${fraction(MESSAGES - failed, seconds)} measured_over=execution_startedAt..stoppedAt seconds=${seconds.toFixed(2)} send_window_fraction=${fraction(sends.length - 1, window)} lead_in_seconds=${leadIn.toFixed(2)} tail_seconds=${tail.toFixed(2)} send_node_fraction=${fraction(MESSAGES - failed, nodeSeconds)} send_node_seconds=${nodeSeconds.toFixed(2)} webhook_round_trip_seconds=${run.roundTrip.toFixed(2)} database_ping_failures=${pingFailures} target_fraction=0.9 rtt_ms=20 warm_up_messages=${WARM_UP_MESSAGES} n8n=2.41.1 database=sqlite node=${process.version}`,
	);
	expect(sends.filter((call) => call.params.allow_paid_broadcast === true)).toHaveLength(
		MESSAGES - failed,
	);
	expect(failed).toBe(0);
});
