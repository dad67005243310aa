/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n in a real browser */
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { tokenLeaks } from '../leaks';
import { freePort, N8nInstance, ROOT } from '../e2e/n8nProcess';

/**
 * A newcomer's first minutes, in the pinned n8n's editor in Debian's Chromium, with the packed
 * package and the Bot API emulator: owner set-up, the credential and its test, Send Message with
 * an inline keyboard, and a test listen of each trigger. Screenshots go to test/ui/.screenshots/.
 */
const SHOTS = join(ROOT, 'test/ui/.screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const WRONG_TOKEN = '7012345678:AAF9kQ2mZx7Lp4Wn8Rt3Vb6Yc1Hd5Js0Ge2';
const GROUP = -1001234567890;

const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();
let browser: Browser;
let page: Page;
let credentialId = '';

const shot = async (name: string) =>
	await page.screenshot({ path: join(SHOTS, `${name}.png`), animations: 'disabled' });

/** A REST call from inside the signed-in page, as the editor makes it (session cookie, browser id). */
async function rest<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
	const answer = await page.evaluate(
		async ({ method, path, body }) => {
			const response = await fetch(`/rest${path}`, {
				method,
				headers: {
					'content-type': 'application/json',
					'browser-id': localStorage.getItem('n8n-browserId') ?? '',
				},
				body: body === undefined ? undefined : JSON.stringify(body),
			});
			return { status: response.status, json: (await response.json()) as { data: unknown } };
		},
		{ method, path, body },
	);
	expect(answer.status, JSON.stringify(answer.json)).toBe(200);
	return answer.json.data as T;
}

async function createWorkflow(name: string, nodes: object[], connections: object = {}) {
	const credentials = { telegramBotApi: { id: credentialId, name: 'Telegram Bot account' } };
	const workflow = await rest<{ id: string }>('POST', '/workflows', {
		name,
		active: false,
		settings: { executionOrder: 'v1' },
		connections,
		nodes: nodes.map((node) =>
			(node as { type: string }).type.startsWith('n8n-nodes-telegram-bot.')
				? { ...node, credentials }
				: node,
		),
	});
	await page.goto(`${n8n.baseUrl}/workflow/${workflow.id}`);
	await page.waitForSelector('[data-test-id=canvas-node]');
	return workflow.id;
}

async function openNode(name: string) {
	await page.locator('[data-test-id=canvas-node]', { hasText: name }).first().dblclick();
	await page.waitForSelector('[data-test-id=ndv]');
}

async function closeNode() {
	await page.click('[data-test-id=ndv-close-button]');
	await page.waitForSelector('[data-test-id=ndv]', { state: 'detached' });
}

/**
 * Save in the credential dialog: n8n tests the credential (`POST /rest/credentials/test`) and
 * shows the verdict. Returns n8n's answer and the dialog's text once the verdict is on screen,
 * with the message under "More details" opened.
 */
async function saveAndTest(): Promise<{ status: string; message: string; dialog: string }> {
	const tested = page.waitForResponse((r) => r.url().includes('/rest/credentials/test'));
	await page.click('[data-test-id=credential-save-button]');
	const { data } = (await (await tested).json()) as { data: { status: string; message: string } };
	const modal = page.locator('[data-test-id=editCredential-modal]');
	const banner = data.status === 'OK' ? 'Connection tested successfully' : 'Couldn’t connect';
	await expect.poll(async () => await modal.innerText(), { timeout: 30_000 }).toContain(banner);
	if (data.status !== 'OK') {
		const details = modal.getByText('More details');
		if (await details.count()) await details.first().click();
		await expect.poll(async () => await modal.innerText()).toContain(data.message);
	}
	return { ...data, dialog: await modal.innerText() };
}

beforeAll(async () => {
	rmSync(SHOTS, { recursive: true, force: true });
	mkdirSync(SHOTS, { recursive: true });
	await emulator.start();
	await n8n.init();
	await n8n.start();
	browser = await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
	page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
});

afterAll(async () => {
	await browser?.close();
	await n8n.stop();
	await emulator.stop();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

describe('the first minutes in the n8n editor', () => {
	it('sets up the owner account', async () => {
		await page.goto(`${n8n.baseUrl}/setup`);
		await page.fill('[data-test-id=email] input', 'owner@example.com');
		await page.fill('[data-test-id=firstName] input', 'Ada');
		await page.fill('[data-test-id=lastName] input', 'Owner');
		await page.fill('[data-test-id=password] input', 'Ui-password-1');
		await page.click('[data-test-id=form-submit-button]');
		await page.waitForURL((url) => !url.pathname.startsWith('/setup'));
	});

	it('creates the credential and tests it: valid token, wrong token, unreachable server', async () => {
		await page.goto(`${n8n.baseUrl}/home/credentials/create`);
		await page.fill('[data-test-id=new-credential-type-select] input', 'Telegram Bot');
		await page
			.locator('[data-test-id=new-credential-type-select-option]', { hasText: 'Telegram Bot API' })
			.first()
			.click();
		await page.click('[data-test-id=new-credential-type-button]');
		const serverUrl = page.locator('[data-test-id=parameter-input-serverUrl] input');
		const token = page.locator('[data-test-id=parameter-input-apiToken] input');

		await serverUrl.fill(emulator.baseUrl);
		await token.fill(WRONG_TOKEN);
		const wrong = await saveAndTest();
		expect(wrong.message).toBe(
			'Telegram refused this token (401 Unauthorized): it was revoked or mistyped. Get the current one from @BotFather: send /token and choose the bot.',
		);
		expect(wrong.dialog).toContain(wrong.message);
		await shot('credential-wrong-token');

		const closed = await freePort();
		await serverUrl.fill(`http://127.0.0.1:${closed}`);
		await token.fill(DEFAULT_TOKEN);
		const unreachable = await saveAndTest();
		// n8n shows a declarative test's network failure as the bare error code.
		expect(unreachable.message).toBe('ECONNREFUSED');
		expect(unreachable.dialog).toContain('ECONNREFUSED');
		await shot('credential-unreachable');

		await serverUrl.fill(emulator.baseUrl);
		const valid = await saveAndTest();
		expect(valid).toMatchObject({ status: 'OK', message: 'Connection successful!' });
		expect(valid.dialog).toContain('Connection tested successfully');
		await shot('credential-ok');
		for (const answer of [wrong, unreachable, valid]) {
			expect([...tokenLeaks(answer), ...tokenLeaks(answer, WRONG_TOKEN)]).toEqual([]);
		}
		const credentials = await rest<Array<{ id: string; type: string }>>('GET', '/credentials');
		credentialId = credentials.find((c) => c.type === 'telegramBotApi')!.id;
		await page.keyboard.press('Escape');
	});

	it('finds the package’s nodes apart from n8n’s Telegram node', async () => {
		const list = page.locator('[data-test-id=node-creator]');
		const search = list.locator('input').first();
		await page.goto(`${n8n.baseUrl}/workflow/new`);
		await page.click('[data-test-id=node-creator-plus-button]');
		await search.fill('Telegram');
		await expect.poll(async () => await list.innerText()).toContain('Telegram Bot Polling');
		await shot('node-panel');
		await page.keyboard.press('Escape');
		// The same in n8n's dark theme: the icons' dark variants.
		await page.evaluate(() => localStorage.setItem('N8N_THEME', 'dark'));
		await page.reload();
		await page.click('[data-test-id=node-creator-plus-button]');
		await search.fill('Telegram');
		await expect.poll(async () => await list.innerText()).toContain('Telegram Bot Polling');
		await shot('node-panel-dark');
		await page.evaluate(() => localStorage.setItem('N8N_THEME', 'light'));
		await page.reload();
	});

	it('sends a message with an inline keyboard and shows the sent message', async () => {
		const trigger = 'When clicking ‘Execute workflow’';
		await createWorkflow(
			'UI: Send Message',
			[
				{
					id: 'manual',
					name: trigger,
					type: 'n8n-nodes-base.manualTrigger',
					typeVersion: 1,
					position: [0, 0],
					parameters: {},
				},
				{
					id: 'send',
					name: 'Send a message',
					type: 'n8n-nodes-telegram-bot.telegramBot',
					typeVersion: 1,
					position: [260, 0],
					parameters: {
						resource: 'message',
						operation: 'sendMessage',
						chatId: { __rl: true, mode: 'id', value: String(GROUP) },
						text: 'Suspicious login from 203.0.113.7',
						replyMarkup: 'inlineKeyboard',
						inlineKeyboard: {
							rows: [
								{
									buttons: {
										button: [
											{ text: 'Acknowledge', action: 'callback_data', value: 'ack:7' },
											{ text: 'Open ticket', action: 'url', value: 'https://example.com/t/7' },
										],
									},
								},
							],
						},
					},
				},
			],
			{ [trigger]: { main: [[{ node: 'Send a message', type: 'main', index: 0 }]] } },
		);
		await shot('canvas-send-message');
		// The subtitle names the operation, where n8n's Telegram node shows "sendMessage: message".
		expect(
			await page.locator('[data-test-id=canvas-node]', { hasText: 'Send a message' }).innerText(),
		).toContain('Send Message');
		await openNode('Send a message');
		await shot('send-message-panel');
		await page.click('[data-test-id=node-execute-button]');
		const output = page.locator('[data-test-id=output-panel]');
		await expect
			.poll(async () => await output.innerText(), { timeout: 60_000 })
			.toContain('Suspicious login from 203.0.113.7');
		await shot('send-message-output');
		expect(emulator.callsOf('sendMessage').at(-1)?.params.reply_markup).toEqual({
			inline_keyboard: [
				[
					{ text: 'Acknowledge', callback_data: 'ack:7' },
					{ text: 'Open ticket', url: 'https://example.com/t/7' },
				],
			],
		});
		await closeNode();
	});

	const update = (text: string) => ({
		message: {
			message_id: 77,
			date: 1_795_253_400,
			chat: { id: GROUP, type: 'supergroup' as const, title: 'Security Operations' },
			from: { id: 1001, is_bot: false, first_name: 'Ada' },
			text,
		},
	});

	/** "Execute step" on the open trigger: once it reaches the Bot API, an update arrives and shows. */
	async function listen(
		method: string,
		screenshot: string,
		text: string,
		send: (text: string) => Promise<void>,
	) {
		const before = emulator.callsOf(method).length;
		await page.click('[data-test-id=node-execute-button]');
		await expect
			.poll(() => emulator.callsOf(method).length, { timeout: 60_000 })
			.toBeGreaterThan(before);
		await send(text);
		const output = page.locator('[data-test-id=output-panel]');
		await expect.poll(async () => await output.innerText(), { timeout: 60_000 }).toContain(text);
		await shot(screenshot);
		await closeNode();
	}

	it('receives an update in a test listen of the webhook trigger', async () => {
		await createWorkflow('UI: Webhook trigger', [
			{
				id: 'hook',
				name: 'Telegram Bot Webhook Trigger',
				type: 'n8n-nodes-telegram-bot.telegramBotTrigger',
				typeVersion: 1,
				position: [0, 0],
				webhookId: 'a3f9d1c2-ui-webhook-0001',
				parameters: { updates: ['message'] },
			},
		]);
		await openNode('Telegram Bot Webhook Trigger');
		await shot('webhook-trigger-panel');
		await listen('setWebhook', 'webhook-trigger-output', 'Webhook says hi', async (text) => {
			expect(String(emulator.bot().webhook.url)).toContain('/webhook-test/');
			const delivered = await emulator.deliver({ update_id: 900_001, ...update(text) });
			expect(delivered.status).toBe(200);
		});
	});

	it('receives an update in a test listen of the polling trigger', async () => {
		emulator.bot().webhook = { url: '' };
		await createWorkflow('UI: Polling trigger', [
			{
				id: 'poll',
				name: 'Telegram Bot Polling Trigger',
				type: 'n8n-nodes-telegram-bot.telegramBotPollingTrigger',
				typeVersion: 1,
				position: [0, 0],
				parameters: { updates: ['message'], options: { pollTimeout: 2 } },
			},
		]);
		await openNode('Telegram Bot Polling Trigger');
		await listen('getUpdates', 'polling-trigger-output', 'Polling says hi', async (text) => {
			emulator.pushUpdate(update(text));
		});
	});
});
