/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: drives real n8n processes in queue mode */
import { randomBytes } from 'node:crypto';

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { person, pressUpdate } from '../emulator/sendAndWait';
import { BotApiEmulator } from '../emulator/server';
import {
	CREDENTIAL,
	chat,
	commandMessage,
	e2eWorkflow,
	from,
	sendMessageNode,
	sentTexts as sentTextsOf,
	waitingWorkflow,
	webhookNode,
} from '../e2e/fixtures';
import { N8nInstance, until as waitFor } from '../e2e/n8nProcess';
import { tokenLeaks } from '../leaks';
import { PostgresServer, RedisServer } from './services';

/**
 * n8n's queue mode as a scaled deployment runs it: a main process (activation, triggers, pollers),
 * a webhook processor (receives webhook calls, enqueues them), two workers (run the executions),
 * sharing PostgreSQL and Redis, each loading the packed package as a community package.
 */
const redis = new RedisServer();
const postgres = new PostgresServer();
const emulator = new BotApiEmulator({ selfHosted: true });
/** Filled once the ports are known; every process reads it when it starts. */
const queueEnv: Record<string, string> = {};
const main = new N8nInstance(queueEnv);
const webhook = new N8nInstance(queueEnv);
const workers = [new N8nInstance(queueEnv), new N8nInstance(queueEnv)];
const everyProcess = [main, webhook, ...workers];

/**
 * A token of this run, shaped like Telegram's: the fixed test token's secret half has pieces
 * ("01234567", "TestToke") that n8n's own files contain, which would hide a real leak among false ones.
 */
const TOKEN = `7012345678:AA${randomBytes(24).toString('base64url')}`;
emulator.addBot(TOKEN, {
	id: 7012345678,
	first_name: 'Compliance Bot',
	username: 'compliance_test_bot',
});

/** n8n's own Webhook node into Send Message: the execution a webhook processor hands to a worker. */
const SEND_WORKFLOW = {
	id: 'wfTgQueueSend001',
	name: 'Queue: send',
	active: false,
	settings: { executionOrder: 'v1' },
	nodes: [
		webhookNode({ id: 'hook', name: 'Webhook', webhookId: 'queue-send-hook', path: 'queue-send' }),
		sendMessageNode({
			id: 'send',
			name: 'Send Message',
			chatId: '1001',
			text: '=Queued: {{ $json.body.note }}',
		}),
	],
	connections: { Webhook: { main: [[{ node: 'Send Message', type: 'main', index: 0 }]] } },
};

/** Webhook → Send and Wait (approval, one approver) → a report of its output: `RESULT <case> <json>`. */
const APPROVAL_WORKFLOW = waitingWorkflow(
	'wfTgQueueSaw0001',
	'queue-saw',
	{ responseType: 'approval', approvalsRequired: 1 },
	CREDENTIAL,
);

const until = async <T>(
	what: string,
	probe: () => T | undefined | false | Promise<T | undefined | false>,
): Promise<T> =>
	await waitFor(what, probe, () =>
		everyProcess.map((n8n) => n8n.fileLog().slice(-1500)).join('\n---\n'),
	);

const pause = async (ms: number) => await new Promise((r) => setTimeout(r, ms));

/** Execution IDs a process put on the queue, and those a worker started. */
const enqueuedBy = (n8n: N8nInstance) =>
	[...n8n.fileLog().matchAll(/Enqueued execution (\d+)/g)].map((m) => m[1]);
const startedOn = (n8n: N8nInstance) =>
	[...n8n.fileLog().matchAll(/Worker started execution (\d+)/g)].map((m) => m[1]);
const startedOnAWorker = () => workers.flatMap(startedOn);

/** The one execution `process` enqueued after `before` of them, once a worker has started it. */
async function ranOnAWorker(process: N8nInstance, before: number): Promise<string> {
	const id = await until('an enqueued execution', () => enqueuedBy(process)[before]);
	await until(`execution ${id} on a worker`, () => startedOnAWorker().includes(id));
	expect(startedOn(main)).not.toContain(id);
	expect(startedOn(webhook)).not.toContain(id);
	return id;
}

beforeAll(async () => {
	await Promise.all([redis.start(), postgres.start(), emulator.start(), main.init()]);
	await Promise.all([webhook, ...workers].map(async (n8n) => await n8n.init(main)));
	Object.assign(queueEnv, {
		EXECUTIONS_MODE: 'queue',
		QUEUE_BULL_REDIS_HOST: '127.0.0.1',
		QUEUE_BULL_REDIS_PORT: String(redis.port),
		...postgres.n8nEnv,
		// Telegram is told to deliver to the webhook processor, not to main.
		N8N_WEBHOOK_URL: `${webhook.baseUrl}/`,
	});

	await main.importCredentials(emulator.baseUrl, TOKEN);
	// The end-to-end suite's webhook and polling echo workflows, and the send workflow above.
	await main.importWorkflows([
		e2eWorkflow('trigger'),
		e2eWorkflow('polling'),
		SEND_WORKFLOW,
		riskWorkflow(),
		APPROVAL_WORKFLOW,
	]);

	await Promise.all([
		main.start(120_000, 'start'),
		webhook.start(120_000, 'webhook'),
		...workers.map(async (worker) => await worker.start(120_000, 'worker')),
	]);
});

afterAll(async () => {
	await Promise.all(everyProcess.map(async (n8n) => await n8n.stop()));
	await Promise.all([redis.stop(), postgres.stop(), emulator.stop()]);
	// KEEP_N8N_E2E=1 keeps the folders (logs) for a look after a failure.
	if (!process.env.KEEP_N8N_E2E) everyProcess.forEach((n8n) => n8n.remove());
});

const RISK_WORKFLOW = 'wfTgPollingRisk1';

/** The polling echo workflow again, on the same bot, for `/risk`, with its own echo. */
function riskWorkflow() {
	const workflow = e2eWorkflow('polling');
	workflow.id = RISK_WORKFLOW;
	workflow.name = 'E2E: polling echo of /risk on the same bot';
	workflow.nodes[0].parameters.options = { pollTimeout: 2, commands: 'risk' };
	workflow.nodes[1].parameters.text =
		'=Risk workflow: {{ $json.command }} {{ $json.commandArgs.join(" ") }}';
	return workflow;
}

const sentTexts = (prefix: string) => sentTextsOf(emulator, prefix);

describe('the packed package in n8n queue mode (main + webhook processor + 2 workers)', () => {
	it('runs Send Message on a worker', async () => {
		await main.activate(SEND_WORKFLOW.id);
		const before = enqueuedBy(webhook).length;
		const answer = await until('the webhook processor to serve the Webhook node', async () => {
			const response = await request(`${webhook.baseUrl}/webhook/queue-send`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ note: 'from the webhook processor' }),
			});
			await response.body.dump();
			return response.statusCode === 200 ? response.statusCode : undefined;
		});
		expect(answer).toBe(200);
		await until('the message', () => sentTexts('Queued: from the webhook processor').length > 0);
		await ranOnAWorker(webhook, before);
		expect(sentTexts('Queued:')).toEqual(['Queued: from the webhook processor']);
	});

	it("takes the webhook trigger's updates through the webhook processor, with the secret, and runs them on a worker", async () => {
		const registrations = emulator.callsOf('setWebhook').length;
		await main.activate('wfTgTrigger00001');
		const registration = await until(
			'setWebhook from main',
			() => emulator.callsOf('setWebhook')[registrations],
		);
		const hookUrl = `${webhook.baseUrl}/webhook/e2e-trigger-hook/webhook`;
		expect(registration.params).toMatchObject({ url: hookUrl });
		expect(String(registration.params.secret_token)).toMatch(/^[A-Za-z0-9_-]{32,}$/);

		const message = {
			message_id: 90,
			date: 1_795_253_400,
			chat,
			from,
			text: 'through the webhook processor',
		};
		const before = enqueuedBy(webhook).length;
		// Main stores the secret a moment after Telegram has the webhook: until then the processor refuses.
		await until('the webhook processor to accept the delivery', async () =>
			(await emulator.deliver({ update_id: 910001, message }, { token: TOKEN })).status === 200
				? true
				: undefined,
		);
		await until('the echo', () => sentTexts('Echo: through the webhook processor').length > 0);
		// n8n's debug line, JSON-escaped in its log file.
		expect(webhook.fileLog()).toMatch(
			/Received webhook \\"POST\\" for path \\"e2e-trigger-hook\/webhook\\"/,
		);
		await ranOnAWorker(webhook, before);

		const enqueued = enqueuedBy(webhook).length;
		const sent = emulator.callsOf('sendMessage').length;
		const wrong = await emulator.deliver(
			{ update_id: 910002, message: { ...message, text: 'forged' } },
			{ secret: 'not-the-secret', token: TOKEN },
		);
		expect(wrong.status).toBe(403);
		const missing = await emulator.deliver(
			{ update_id: 910003, message: { ...message, text: 'forged' } },
			{ secret: null, token: TOKEN },
		);
		expect(missing.status).toBe(403);
		await pause(1500);
		expect(enqueuedBy(webhook)).toHaveLength(enqueued);
		expect(emulator.callsOf('sendMessage')).toHaveLength(sent);

		// The polling trigger refuses a bot with a webhook: hand the bot over.
		await main.deactivate('wfTgTrigger00001');
		await until('deleteWebhook from main', () => emulator.bot(TOKEN).webhook.url === '');
	});

	it('polls on main only, two workflows on one bot each get their own commands, runs the executions on workers, and a restart of main loses and repeats nothing', async () => {
		const command = (text: string) => commandMessage(text, 100);
		const polls = emulator.callsOf('getUpdates').length;
		await main.activate('wfTgPolling00001');
		await until('the first poll', () => emulator.callsOf('getUpdates')[polls]);
		await main.activate(RISK_WORKFLOW);
		// n8n answers the activation before the trigger runs: wait until it shares the bot's stream.
		await until('the /risk workflow to join the stream', () =>
			main
				.log()
				.includes(`workflow ${RISK_WORKFLOW} joined the bot's update stream; 2 polling it now`),
		);

		const before = enqueuedBy(main).length;
		emulator.pushUpdate(command('/compliance before-restart'), TOKEN);
		emulator.pushUpdate(command('/risk before-restart'), TOKEN);
		await until('the first echoes', () =>
			sentTexts('Polled:').length === 1 && sentTexts('Risk workflow:').length === 1
				? true
				: undefined,
		);
		await ranOnAWorker(main, before);

		// With main down nobody polls: the webhook processor and the workers never take updates.
		await main.stop();
		const pollsWhileDown = emulator.callsOf('getUpdates').length;
		emulator.pushUpdate(command('/compliance while-down-1'), TOKEN);
		emulator.pushUpdate(command('/compliance while-down-2'), TOKEN);
		emulator.pushUpdate(command('/risk while-down'), TOKEN);
		await pause(3000);
		expect(emulator.callsOf('getUpdates')).toHaveLength(pollsWhileDown);
		expect(sentTexts('Polled:')).toHaveLength(1);

		await main.start(120_000, 'start');
		// At start n8n activates both workflows one after the other; the stream waits for both.
		await until('the echoes of the updates sent while main was down', () =>
			sentTexts('Polled:').length >= 3 && sentTexts('Risk workflow:').length >= 2
				? true
				: undefined,
		);
		await until('the backlog to be confirmed', () => emulator.bot(TOKEN).updates.length === 0);
		// One more poll cycle: anything repeated would arrive now.
		await pause(3000);
		// Each update is an execution of its own, and two workers run them side by side: any order.
		expect(sentTexts('Polled:').sort()).toEqual([
			'Polled: compliance before-restart',
			'Polled: compliance while-down-1',
			'Polled: compliance while-down-2',
		]);
		// Each workflow got its own commands only: the /compliance echo never saw a /risk and back.
		expect(sentTexts('Risk workflow:').sort()).toEqual([
			'Risk workflow: risk before-restart',
			'Risk workflow: risk while-down',
		]);
		expect(emulator.callsOf('getUpdates').filter((call) => call.status === 409)).toEqual([]);
	});

	it("Send and Wait: the waiting execution resumes on a worker with the approver's press, relayed by the polling trigger on main", async () => {
		// The polling workflows of the test before are active on main and poll the bot.
		await main.activate(APPROVAL_WORKFLOW.id);
		const alice = person(501, 'alice', 'Alice');
		const before = enqueuedBy(webhook).length;
		await until('the webhook processor to start the waiting workflow', async () => {
			const response = await request(`${webhook.baseUrl}/webhook/queue-saw`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ case: 'queue', approvers: '@alice', limit: 0 }),
			});
			await response.body.dump();
			return response.statusCode === 200 || undefined;
		});
		const id = await ranOnAWorker(webhook, before);
		const request_ = await until('the request message', () =>
			emulator.bot(TOKEN).sent.find((m) => 'text' in m && m.text?.startsWith('\u200bqueue:')),
		);
		// The resume URL in the message is the webhook processor's (N8N_WEBHOOK_URL), never main's.
		const link = (request_ as unknown as { entities: Array<{ type: string; url?: string }> })
			.entities[0];
		expect(link.url).toMatch(
			new RegExp(`^${webhook.baseUrl}/webhook-waiting/${id}/wait-queue-saw\\?signature=`),
		);

		const mainEnqueued = enqueuedBy(main).length;
		const echoes = [...sentTexts('Polled:'), ...sentTexts('Risk workflow:')];
		const press = pressUpdate(emulator, request_.message_id, 0, alice, TOKEN) as {
			callback_query: { id: string };
		};
		emulator.pushUpdate(press as never, TOKEN);
		const report = await until('the resumed output', () =>
			sentTexts('RESULT queue ')
				.map((text) => JSON.parse(text.slice('RESULT queue '.length)) as Record<string, unknown>)
				.at(0),
		);
		expect(report).toMatchObject({
			approved: true,
			timedOut: false,
			respondedBy: { id: 501, username: 'alice', name: 'Alice' },
			messageId: request_.message_id,
		});
		// The resume went through the webhook processor's queue to a worker: the same execution, run twice there.
		expect(enqueuedBy(webhook).filter((e) => e === id)).toHaveLength(2);
		expect(startedOnAWorker().filter((e) => e === id)).toHaveLength(2);
		expect([...startedOn(main), ...startedOn(webhook)]).not.toContain(id);

		const answer = emulator
			.callsOf('answerCallbackQuery')
			.find((call) => call.params.callback_query_id === press.callback_query.id);
		expect(answer?.params).toMatchObject({ text: 'Approved' });
		const edited = emulator.bot(TOKEN).sent.find((m) => m.message_id === request_.message_id) as {
			text: string;
			reply_markup?: unknown;
		};
		expect(edited.text).toMatch(
			/^\u200bqueue: isolate host web-7\?\n\n✅ Approved by @alice, \d\d:\d\d$/,
		);
		expect(edited.reply_markup).toBeUndefined();
		// The trigger's own workflows started nothing for the press.
		await pause(2000);
		expect(enqueuedBy(main)).toHaveLength(mainEnqueued);
		expect([...sentTexts('Polled:'), ...sentTexts('Risk workflow:')]).toEqual(echoes);
	});

	it('leaves the token nowhere: no log of any process, no PostgreSQL dump, no Redis key or value', async () => {
		await Promise.all(everyProcess.map(async (n8n) => await n8n.stop()));
		// The token and every 8-character piece of its secret half.
		const found = (where: string, text: string | Buffer) =>
			tokenLeaks(text, TOKEN).map((needle) => `${where}: ${needle}`);

		const files = everyProcess.flatMap((n8n) => n8n.everyFile());
		expect(files.some((file) => file.path.endsWith('n8n-file.log'))).toBe(true);
		const dump = await postgres.dump();
		expect(dump).toContain('telegramBotApi');
		const redisContent = await redis.everything();
		expect(redisContent).toContain('bull:');
		expect([
			...everyProcess.flatMap((n8n) => n8n.filesHoldingToken(TOKEN)),
			...found('pg_dump', dump),
			...found('redis', redisContent),
		]).toEqual([]);
		// The logs are the debug-level ones, with the executions in them.
		expect(workers.map((worker) => worker.fileLog()).join('\n')).toContain(
			'Worker started execution',
		);
	});
});
