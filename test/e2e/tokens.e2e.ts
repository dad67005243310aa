/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { afterAll, beforeAll, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { tokenLeaks } from '../leaks';
import { CREDENTIAL, START_NODE } from './fixtures';
import { N8nInstance } from './n8nProcess';

/**
 * The answers that carry the token (a `telegram-bot-api --local` file path under a folder named
 * after it, a webhook URL holding it) run through a real n8n: neither the execution n8n stores
 * nor any other file in its folder may hold the token or 8 characters of its secret half.
 */

const emulator = new BotApiEmulator({ selfHosted: true, localFiles: true });
const n8n = new N8nInstance();

const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-telegram-bot.telegramBot',
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: { telegramBotApi: CREDENTIAL },
});

beforeAll(async () => {
	await emulator.start();
	await n8n.init();
	const file = emulator.addFile(2048, 'documents/file_0.pdf', 'application/pdf');
	// Telegram once advised putting the token in the webhook URL.
	emulator.bot().webhook = { url: `https://hooks.example.com/tg/${DEFAULT_TOKEN}/in` };
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN);
	const nodes = [
		START_NODE,
		node('Call getFile', 200, {
			resource: 'api',
			operation: 'call',
			method: 'getFile',
			parameters: JSON.stringify({ file_id: file.file_id }),
		}),
		node('Webhook Info', 400, { resource: 'webhook', operation: 'get' }),
		node('Call getWebhookInfo', 600, {
			resource: 'api',
			operation: 'call',
			method: 'getWebhookInfo',
			parameters: '{}',
		}),
	];
	const chain = (from: string, to: string) => ({
		[from]: { main: [[{ node: to, type: 'main', index: 0 }]] },
	});
	await n8n.importWorkflows([
		{
			id: 'wfTgTokenItems01',
			name: 'E2E: answers carrying the token',
			active: false,
			nodes,
			connections: {
				...chain('Start', 'Call getFile'),
				...chain('Call getFile', 'Webhook Info'),
				...chain('Webhook Info', 'Call getWebhookInfo'),
			},
			settings: { executionOrder: 'v1' },
		},
	]);
});

afterAll(async () => {
	await n8n.stop();
	await emulator.stop();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

it('no output item holds the token, and n8n stores it nowhere', async () => {
	const { code, stderr, execution } = await n8n.execute('wfTgTokenItems01');
	expect(code, stderr).toBe(0);
	const runData = execution!.data.resultData.runData;
	const out = (name: string) => runData[name][0].data!.main[0][0].json;
	expect(out('Call getFile').file_path).toBe(
		'/var/lib/telegram-bot-api/7012345678:***/documents/file_0.pdf',
	);
	expect(out('Webhook Info').url).toBe('https://hooks.example.com/tg/7012345678:***/in');
	expect(out('Call getWebhookInfo').url).toBe('https://hooks.example.com/tg/7012345678:***/in');
	expect(tokenLeaks(execution)).toEqual([]);

	await n8n.stop();
	expect(n8n.everyFile().some((file) => file.path.endsWith('database.sqlite'))).toBe(true);
	expect(n8n.filesHoldingToken()).toEqual([]);
});
