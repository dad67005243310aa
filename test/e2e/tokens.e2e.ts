/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { tokenLeaks } from '../leaks';
import { lastExecution, N8nInstance } from './n8nProcess';

/**
 * The answers that carry the token (a `telegram-bot-api --local` file path under a folder named
 * after it, a webhook URL holding it) run through a real n8n: neither the execution n8n stores
 * nor any other file in its folder may hold the token or 8 characters of its secret half.
 */

const emulator = new BotApiEmulator({ selfHosted: true, localFiles: true });
const n8n = new N8nInstance();
const CREDENTIAL = { telegramBotApi: { id: 'tgTokenCred00001', name: 'Telegram Tokens' } };

const node = (name: string, x: number, parameters: Record<string, unknown>) => ({
	id: name.toLowerCase().replace(/\W+/g, '-'),
	name,
	type: 'n8n-nodes-telegram-bot.telegramBot',
	typeVersion: 1,
	position: [x, 0],
	parameters,
	credentials: CREDENTIAL,
});

beforeAll(async () => {
	await emulator.start();
	await n8n.init();
	const file = emulator.addFile(2048, 'documents/file_0.pdf', 'application/pdf');
	// Telegram once advised putting the token in the webhook URL.
	emulator.bot().webhook = { url: `https://hooks.example.com/tg/${DEFAULT_TOKEN}/in` };
	const credentials = join(n8n.folder, 'token-credentials.json');
	writeFileSync(
		credentials,
		JSON.stringify([
			{
				id: CREDENTIAL.telegramBotApi.id,
				name: CREDENTIAL.telegramBotApi.name,
				type: 'telegramBotApi',
				data: { serverUrl: emulator.baseUrl, apiToken: DEFAULT_TOKEN },
			},
		]),
	);
	expect((await n8n.cli(['import:credentials', `--input=${credentials}`])).code).toBe(0);
	const nodes = [
		{
			id: 'manual',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		},
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
	const workflow = join(n8n.folder, 'token-workflow.json');
	writeFileSync(
		workflow,
		JSON.stringify({
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
		}),
	);
	expect((await n8n.cli(['import:workflow', `--input=${workflow}`])).code).toBe(0);
});

afterAll(async () => {
	await n8n.stop();
	await emulator.stop();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

it('no output item holds the token, and n8n stores it nowhere', async () => {
	const before = n8n.fileLog().length;
	const { code, stderr } = await n8n.cli(['execute', '--id=wfTgTokenItems01', '--rawOutput']);
	expect(code, stderr).toBe(0);
	const execution = lastExecution(n8n.fileLog().slice(before));
	const runData = execution!.data.resultData.runData;
	const out = (name: string) => runData[name][0].data!.main[0][0].json;
	expect(out('Call getFile').file_path).toBe(
		'/var/lib/telegram-bot-api/7012345678:***/documents/file_0.pdf',
	);
	expect(out('Webhook Info').url).toBe('https://hooks.example.com/tg/7012345678:***/in');
	expect(out('Call getWebhookInfo').url).toBe('https://hooks.example.com/tg/7012345678:***/in');
	expect(tokenLeaks(execution)).toEqual([]);

	await n8n.stop();
	const files = n8n.everyFile();
	expect(files.some((file) => file.path.endsWith('database.sqlite'))).toBe(true);
	const leaks = files
		.filter((file) => tokenLeaks(file.content, DEFAULT_TOKEN).length > 0)
		.map((file) => file.path);
	// The credentials file we imported from holds the token in plain text by design; nothing else may.
	expect(leaks.filter((path) => !path.endsWith('token-credentials.json'))).toEqual([]);
});
