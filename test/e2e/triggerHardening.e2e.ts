/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { chat, CREDENTIAL, echoWorkflow, from, sentTexts } from './fixtures';
import { freePort, N8nInstance } from './n8nProcess';

/**
 * The trigger's promises about updates, in the real n8n 2.41.1: a Field Mapping path that throws
 * on a real update costs that field only, a malformed update is answered 200, and what is
 * deduplicated across a restart is exactly what the README says.
 */
const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();

const THROWING_PATH = '$.message.entities[?(@.user.id == 5)]';
const WEBHOOK_WORKFLOW = 'wfTgHardenHook01';
const POLLING_WORKFLOW = 'wfTgHardenPoll01';
/** The same triggers with a credential whose server refuses connections. */
const UNREACHABLE = { id: 'tgUnreachable001', name: 'Telegram Unreachable' };
const UNREACHABLE_HOOK = 'wfTgUnreachHook1';
const UNREACHABLE_POLL = 'wfTgUnreachPoll1';

/** A trigger → Echo of what the item carried, so every execution is seen. */
function hardeningWorkflow(
	id: string,
	trigger: Parameters<typeof echoWorkflow>[0]['trigger'],
	prefix: string,
	credential = CREDENTIAL,
) {
	return echoWorkflow({
		id,
		name: `E2E: ${prefix}`,
		trigger,
		credential,
		text: `=${prefix} {{ $json.updateId }}: {{ $json.text }} | mentioned={{ JSON.stringify($json.mentioned) }} | sender={{ $json.sender }} | errors={{ Object.keys($json.mappingErrors ?? {}).join(',') }} | malformed={{ ($json.malformed ?? []).join(';') }}`,
	});
}

const options = {
	fieldMapping: {
		mappings: [
			{ field: 'mentioned', path: THROWING_PATH },
			{ field: 'sender', path: '$.message.from.first_name' },
		],
	},
};

const echoes = (prefix: string) => sentTexts(emulator, prefix);

beforeAll(async () => {
	await emulator.start();
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN, [
		{
			...UNREACHABLE,
			type: 'telegramBotApi',
			data: { serverUrl: `http://127.0.0.1:${await freePort()}`, apiToken: DEFAULT_TOKEN },
		},
	]);
	await n8n.importWorkflows([
		hardeningWorkflow(
			WEBHOOK_WORKFLOW,
			{
				type: 'n8n-nodes-telegram-bot.telegramBotTrigger',
				webhookId: 'e2e-hardening-hook',
				parameters: { updates: ['message'], options },
			},
			'Hook',
		),
		hardeningWorkflow(
			POLLING_WORKFLOW,
			{
				type: 'n8n-nodes-telegram-bot.telegramBotPollingTrigger',
				parameters: { updates: ['message'], options: { ...options, pollTimeout: 2 } },
			},
			'Poll',
		),
		hardeningWorkflow(
			UNREACHABLE_HOOK,
			{
				type: 'n8n-nodes-telegram-bot.telegramBotTrigger',
				webhookId: 'e2e-unreachable-hook',
				parameters: { updates: ['message'] },
			},
			'Unreachable',
			UNREACHABLE,
		),
		hardeningWorkflow(
			UNREACHABLE_POLL,
			{
				type: 'n8n-nodes-telegram-bot.telegramBotPollingTrigger',
				parameters: { updates: ['message'] },
			},
			'Unreachable',
			UNREACHABLE,
		),
	]);
	const published = await n8n.cli(['publish:workflow', `--id=${WEBHOOK_WORKFLOW}`]);
	expect(published.code, published.stderr).toBe(0);
});

afterAll(async () => {
	await n8n.dispose();
	await emulator.stop();
});

describe('trigger hardening inside n8n', () => {
	const bold = {
		update_id: 910001,
		message: {
			message_id: 1,
			date: 1_795_253_400,
			chat,
			from,
			text: 'look here',
			entities: [{ type: 'bold', offset: 0, length: 4 }],
		},
	};

	it('webhook: a mapping path that throws costs that field only; a redelivery starts nothing', async () => {
		const before = emulator.callsOf('setWebhook').length;
		await n8n.start();
		await n8n.until('setWebhook from n8n', () => emulator.callsOf('setWebhook')[before]);
		// n8n answers 404 until the webhook is registered, and 403 until the secret the trigger set is
		// saved with the workflow; Telegram delivers again after either.
		const first = await n8n.until('the webhook to take deliveries', async () => {
			const answer = await emulator.deliver(bold);
			return answer.status === 404 || answer.status === 403 ? undefined : answer;
		});
		expect(first.status).toBe(200);
		await n8n.until('the echo', () => echoes('Hook 910001').length === 1);
		expect(echoes('Hook 910001')).toEqual([
			'Hook 910001: look here | mentioned=null | sender=Ada | errors=mentioned | malformed=',
		]);

		// Telegram sends an update again when it did not see a 200 in time.
		expect((await emulator.deliver(bold)).status).toBe(200);
		await new Promise((r) => setTimeout(r, 2_000));
		expect(echoes('Hook 910001')).toHaveLength(1);
	});

	it('webhook: a malformed update with the right secret is answered 200 and runs with a note', async () => {
		const answer = await emulator.deliver({
			update_id: 910002,
			message: {
				message_id: 2,
				date: 1_795_253_400,
				chat,
				from,
				text: '/status',
				entities: [null],
			},
		});
		expect(answer.status).toBe(200);
		await n8n.until('the echo', () => echoes('Hook 910002').length === 1);
		expect(echoes('Hook 910002')[0]).toContain('malformed=message.entities[0] is null: skipped');
	});

	it('webhook: after a restart, the window starts empty, as the README says: a redelivery runs again', async () => {
		await n8n.stop();
		const registrations = emulator.callsOf('setWebhook').length;
		await n8n.start();
		// The secret set at activation is in n8n's database: the webhook is kept, not registered again.
		await n8n.until('the webhook to take deliveries again', async () => {
			const answer = await emulator.deliver({
				update_id: 910003,
				message: { message_id: 3, date: 1_795_253_400, chat, from, text: 'after restart' },
			});
			return answer.status === 200 || undefined;
		});
		expect(emulator.callsOf('setWebhook')).toHaveLength(registrations);
		expect((await emulator.deliver(bold)).status).toBe(200);
		await n8n.until('the second echo', () => echoes('Hook 910001').length === 2);
		// Within this process the window holds again.
		expect((await emulator.deliver(bold)).status).toBe(200);
		await new Promise((r) => setTimeout(r, 2_000));
		expect(echoes('Hook 910001')).toHaveLength(2);
	});

	it('polling: a mapping path that throws costs that field only; the updates behind it follow', async () => {
		await n8n.deactivate(WEBHOOK_WORKFLOW);
		await n8n.until('the webhook to be removed', () => emulator.bot().webhook.url === '');
		await n8n.activate(POLLING_WORKFLOW);
		const first = emulator.pushUpdate({ message: bold.message } as never);
		const behind = emulator.pushUpdate({
			message: { ...bold.message, message_id: 9, text: 'behind it', entities: undefined },
		} as never);
		await n8n.until('both echoes', () => echoes('Poll').length === 2);
		// n8n runs the two executions side by side: their echoes may arrive in either order.
		expect([...echoes('Poll')].sort()).toEqual([
			`Poll ${first.update_id}: look here | mentioned=null | sender=Ada | errors=mentioned | malformed=`,
			`Poll ${behind.update_id}: behind it | mentioned=null | sender=Ada | errors= | malformed=`,
		]);
		await n8n.until('the updates to be confirmed', () => emulator.bot().updates.length === 0);
		await n8n.rest('POST', `/workflows/${POLLING_WORKFLOW}/deactivate`, {});
	});

	it('a webhook test listen with the Bot API unreachable answers the editor with the cause within seconds', async () => {
		const started = Date.now();
		const answer = await n8n.rest('POST', `/workflows/${UNREACHABLE_HOOK}/run`, {
			triggerToStartFrom: { name: 'Trigger' },
		});
		const ms = Date.now() - started;
		expect(answer.status).toBeGreaterThanOrEqual(400);
		expect(JSON.stringify(answer.json)).toContain(
			'Check Webhook failed (no response): connection refused by the Bot API server (ECONNREFUSED)',
		);
		expect(ms).toBeLessThan(15_000);
	});

	it('a polling test listen with the Bot API unreachable ends its execution with the cause within seconds', async () => {
		const started = Date.now();
		const answer = await n8n.rest('POST', `/workflows/${UNREACHABLE_POLL}/run`, {
			triggerToStartFrom: { name: 'Trigger' },
		});
		expect(answer.status, JSON.stringify(answer.json)).toBe(200);
		const { executionId } = (answer.json as { data: { executionId: string } }).data;
		const execution = await n8n.until(
			'the test execution to end',
			async () => {
				const found = await n8n.rest('GET', `/executions/${executionId}`);
				const text = JSON.stringify(found.json);
				return /"status":"(error|crashed|success)"/.test(text) ? text : undefined;
			},
			30_000,
		);
		expect(execution).toContain('"status":"error"');
		expect(execution).toContain(
			'Start Polling failed (no response): connection refused by the Bot API server (ECONNREFUSED)',
		);
		expect(Date.now() - started).toBeLessThan(15_000);
	});

	it('leaves the token nowhere in n8n: not whole, not 8 characters of its secret half', async () => {
		await n8n.stop();
		expect(n8n.filesHoldingToken()).toEqual([]);
	});
});
