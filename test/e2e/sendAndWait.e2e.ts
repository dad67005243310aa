/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process, prints its BENCH figures */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import { request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { person, pressUpdate, replyUpdate } from '../emulator/sendAndWait';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { tokenLeaks } from '../leaks';
import { APPROVER_CHAT, AUDIT_CHAT, waitingWorkflow } from './fixtures';
import { N8nInstance } from './n8nProcess';

/**
 * Send and Wait in the real n8n 2.41.1 (regular mode): a workflow sends a request and waits; the
 * people the emulator plays press its buttons or reply; a Telegram Bot trigger active on the same
 * bot (polling on one bot, webhook on another) hands each answer to the waiting execution and
 * starts nothing itself. The waiting workflow reports what it resumed with as a message to the
 * audit group, so the test reads the node's real output.
 */
const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();

const CREDENTIAL = { id: 'tgEmulatorCred01', name: 'Telegram Emulator' };
const HOOK_TOKEN = '7098765432:AAFk2Lr8Qp4Tn6Vx1Zc3Hb5Jm7Wd9Ys0Ge4';
const HOOK_CREDENTIAL = { id: 'tgEmulatorCred02', name: 'Telegram Emulator (webhook bot)' };

const alice = person(501, 'alice', 'Alice');
const bob = person(502, 'bob', 'Bob');
const mallory = person(666, 'mallory', 'Mallory');

/** Trigger → echo to the audit group: any execution it starts shows as "INBOX …". */
function inboxWorkflow(
	id: string,
	trigger: Record<string, unknown>,
	credential: typeof CREDENTIAL,
) {
	return {
		id,
		name: `E2E: inbox ${id}`,
		active: false,
		settings: { executionOrder: 'v1' },
		nodes: [
			{
				id: 'trigger',
				name: 'Trigger',
				typeVersion: 1,
				position: [0, 0],
				credentials: { telegramBotApi: credential },
				...trigger,
			},
			{
				id: 'echo',
				name: 'Echo',
				type: 'n8n-nodes-telegram-bot.telegramBot',
				typeVersion: 1,
				position: [200, 0],
				parameters: {
					resource: 'message',
					operation: 'sendMessage',
					chatId: { __rl: true, mode: 'id', value: String(AUDIT_CHAT) },
					text: '=INBOX {{ $json.updateType }} {{ $json.text }}',
					options: {},
				},
				credentials: { telegramBotApi: credential },
			},
		],
		connections: { Trigger: { main: [[{ node: 'Echo', type: 'main', index: 0 }]] } },
	};
}

const WORKFLOWS = {
	inboxPolling: inboxWorkflow(
		'wfTgSawInboxPol1',
		{
			type: 'n8n-nodes-telegram-bot.telegramBotPollingTrigger',
			parameters: { updates: ['message'], options: { pollTimeout: 1 } },
		},
		CREDENTIAL,
	),
	inboxWebhook: inboxWorkflow(
		'wfTgSawInboxHok1',
		{
			type: 'n8n-nodes-telegram-bot.telegramBotTrigger',
			webhookId: 'e2e-saw-inbox-hook',
			parameters: { updates: ['message'], options: {} },
		},
		HOOK_CREDENTIAL,
	),
	approval: waitingWorkflow(
		'wfTgSawApproval1',
		'saw-approval',
		{
			responseType: 'approval',
			approvalsRequired: '={{ $json.body.required ?? 1 }}',
		},
		CREDENTIAL,
	),
	custom: waitingWorkflow(
		'wfTgSawCustom001',
		'saw-custom',
		{
			responseType: 'customButtons',
			buttons: {
				button: [
					{ label: 'Isolate', value: 'isolate' },
					{ label: 'Monitor', value: 'monitor' },
				],
			},
		},
		CREDENTIAL,
	),
	freeText: waitingWorkflow(
		'wfTgSawFreeText1',
		'saw-free-text',
		{
			responseType: 'freeText',
			options: { replyPlaceholder: 'Ticket number' },
		},
		CREDENTIAL,
	),
	links: waitingWorkflow(
		'wfTgSawLinks0001',
		'saw-links',
		{ responseType: 'approval', options: { answerWith: 'links' } },
		CREDENTIAL,
	),
	hookApproval: waitingWorkflow(
		'wfTgSawHookAppr1',
		'saw-hook-approval',
		{
			responseType: 'approval',
		},
		HOOK_CREDENTIAL,
	),
};

async function start(path: string, body: Record<string, unknown>): Promise<void> {
	const response = await request(`${n8n.baseUrl}/webhook/${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body),
	});
	await response.body.dump();
	expect(response.statusCode).toBe(200);
}

/** The request message of a case, once sent. */
async function requestMessage(caseName: string, token = DEFAULT_TOKEN): Promise<number> {
	return await n8n.until(
		`the request of ${caseName}`,
		() =>
			emulator.bot(token).sent.find((m) => 'text' in m && m.text?.startsWith(`\u200b${caseName}:`))
				?.message_id,
	);
}

function reports(caseName: string): Array<Record<string, unknown>> {
	const prefix = `RESULT ${caseName} `;
	return emulator
		.callsOf('sendMessage')
		.map((call) => String(call.params.text))
		.filter((text) => text.startsWith(prefix))
		.map((text) => JSON.parse(text.slice(prefix.length)) as Record<string, unknown>);
}

async function result(caseName: string, timeoutMs = 30_000): Promise<Record<string, unknown>> {
	return await n8n.until(`the result of ${caseName}`, () => reports(caseName)[0], timeoutMs);
}

const inboxEchoes = () =>
	emulator
		.callsOf('sendMessage')
		.map((call) => String(call.params.text))
		.filter((text) => text.startsWith('INBOX'));

/** What the bot answered to a press (answerCallbackQuery), by query ID. */
async function answerTo(update: Record<string, unknown>): Promise<Record<string, unknown>> {
	const id = (update.callback_query as { id: string }).id;
	return await n8n.until(
		`the answer to ${id}`,
		() =>
			emulator.callsOf('answerCallbackQuery').find((call) => call.params.callback_query_id === id)
				?.params,
	);
}

function press(messageId: number, button: number, who: ReturnType<typeof person>) {
	const update = pressUpdate(emulator, messageId, button, who);
	emulator.pushUpdate(update as never);
	return update;
}

const messageText = (messageId: number, token = DEFAULT_TOKEN) => {
	const message = emulator.bot(token).sent.find((m) => m.message_id === messageId) as {
		text: string;
		reply_markup?: unknown;
	};
	return message;
};

/** Nothing more happens for a while: the execution did not resume. */
const quiet = async (ms = 2_000) => await new Promise((resolve) => setTimeout(resolve, ms));

beforeAll(async () => {
	await emulator.start();
	emulator.addBot(HOOK_TOKEN, {
		id: 7098765432,
		first_name: 'Webhook Bot',
		username: 'hook_test_bot',
	});
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN, [
		{
			...HOOK_CREDENTIAL,
			type: 'telegramBotApi',
			data: { serverUrl: emulator.baseUrl, apiToken: HOOK_TOKEN },
		},
	]);
	const folder = join(n8n.folder, 'send-and-wait-workflows');
	mkdirSync(folder, { recursive: true });
	for (const [name, workflow] of Object.entries(WORKFLOWS))
		writeFileSync(join(folder, `${name}.json`), JSON.stringify(workflow));
	const imported = await n8n.cli(['import:workflow', '--separate', `--input=${folder}`]);
	expect(imported.code, imported.stderr).toBe(0);
	for (const workflow of Object.values(WORKFLOWS)) {
		const published = await n8n.cli(['publish:workflow', `--id=${workflow.id}`]);
		expect(published.code, published.stderr).toBe(0);
	}
	await n8n.start();
	await n8n.until('n8n to poll', () => emulator.callsOf('getUpdates').length > 0);
	await n8n.until('the webhook trigger', () => emulator.bot(HOOK_TOKEN).webhook.url !== '');
});

afterAll(async () => {
	await n8n.dispose();
	await emulator.stop();
});

describe('Send and Wait with a polling trigger on the bot', () => {
	it('sends callback buttons bound to the execution, with every send option', async () => {
		await start('saw-approval', { case: 'options', approvers: '', limit: 0 });
		const id = await requestMessage('options');
		const call = emulator
			.callsOf('sendMessage')
			.find((c) => String(c.params.text).includes('options</b>'))!;
		expect(call.params.parse_mode).toBe('HTML');
		const message = messageText(id) as unknown as {
			entities: Array<{ type: string; url?: string }>;
			reply_markup: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
		};
		// The request's bold text survives; the link to the waiting execution sits on the invisible first character.
		expect(message.entities.map((e) => e.type)).toEqual(['text_link', 'bold']);
		expect(message.entities[0].url).toMatch(
			/\/webhook-waiting\/\d+\/wait-saw-approval\?signature=[0-9a-f]{64}#tgw1\./,
		);
		const buttons = message.reply_markup.inline_keyboard.flat();
		expect(buttons.map((b) => b.text)).toEqual(['✅ Approve', '❌ Decline']);
		for (const b of buttons) expect(Buffer.byteLength(b.callback_data)).toBeLessThanOrEqual(64);
		// Declined by anyone (no approvers list): ends it.
		press(id, 1, bob);
		const output = await result('options');
		expect(output).toMatchObject({
			approved: false,
			timedOut: false,
			respondedBy: { id: 502, username: 'bob', name: 'Bob' },
			messageId: id,
			chatId: APPROVER_CHAT,
		});
	});

	it("resumes on the approver's press; a non-approver gets an alert and nothing resumes", async () => {
		await start('saw-approval', { case: 'approvers', approvers: '@alice, 999', limit: 0 });
		const id = await requestMessage('approvers');
		const intruder = press(id, 0, mallory);
		expect(await answerTo(intruder)).toMatchObject({
			text: 'You are not an approver of this request',
			show_alert: true,
		});
		await quiet();
		expect(reports('approvers')).toEqual([]);
		const started = Date.now();
		const approval = press(id, 0, alice);
		const output = await result('approvers');
		const seconds = (Date.now() - started) / 1000;
		expect(output).toMatchObject({
			approved: true,
			timedOut: false,
			text: null,
			respondedBy: { id: 501, username: 'alice' },
		});
		expect(output.approvals).toEqual([
			{ id: 501, username: 'alice', approvedAt: output.respondedAt },
		]);
		expect(await answerTo(approval)).toMatchObject({ text: 'Approved' });
		const edited = messageText(id);
		expect(edited.text).toMatch(
			/^\u200bapprovers: isolate host web-7\?\n\n✅ Approved by @alice, \d\d:\d\d$/,
		);
		expect(edited.reply_markup).toBeUndefined();
		// The trigger started nothing for the presses.
		expect(inboxEchoes()).toEqual([]);
		console.log(`BENCH sendAndWait.pressToResume.polling seconds=${seconds.toFixed(2)}`);
	});

	it('four-eyes: two different approvers, the tally in the message as it grows', async () => {
		await start('saw-approval', {
			case: 'foureyes',
			approvers: '@alice,@bob',
			required: 2,
			limit: 0,
		});
		const id = await requestMessage('foureyes');
		const first = press(id, 0, alice);
		expect(await answerTo(first)).toMatchObject({ text: 'Your approval is recorded (1 of 2)' });
		await n8n.until(
			'the tally',
			() => messageText(id).text.endsWith('☑️ Approvals: 1 of 2 (@alice)') || undefined,
		);
		expect(messageText(id).reply_markup).toBeDefined();
		const again = press(id, 0, alice);
		expect(await answerTo(again)).toMatchObject({ text: 'You approved already (1 of 2)' });
		await quiet();
		expect(reports('foureyes')).toEqual([]);
		press(id, 0, bob);
		const output = await result('foureyes');
		expect(output).toMatchObject({ approved: true, respondedBy: { username: 'bob' } });
		expect((output.approvals as Array<{ username: string }>).map((a) => a.username)).toEqual([
			'alice',
			'bob',
		]);
		expect(messageText(id).text).toMatch(/\n\n✅ Approved by @alice and @bob, \d\d:\d\d$/);
		expect(messageText(id).text).not.toContain('Approvals: 1 of 2');
	});

	it("cannot be forged: altered callback data, a relayed answer without the MAC, another request's button", async () => {
		await start('saw-approval', { case: 'forged', approvers: '', limit: 0 });
		const id = await requestMessage('forged');
		// Decline's MAC with Approve's choice.
		const update = pressUpdate(emulator, id, 1, mallory) as { callback_query: { data: string } };
		update.callback_query.data = update.callback_query.data.replace('|d|', '|a|');
		emulator.pushUpdate(update as never);
		expect(await answerTo(update)).toMatchObject({
			text: 'This button is not valid',
			show_alert: true,
		});
		// Straight to n8n's resume URL (it is in the message): n8n's signature passes, ours does not.
		const message = messageText(id) as unknown as { entities: Array<{ url: string }> };
		const resumeUrl = message.entities[0].url.split('#')[0];
		const forged = await request(resumeUrl, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				payload: JSON.stringify(pressUpdate(emulator, id, 0, mallory)),
				mac: 'x'.repeat(22),
			}),
		});
		await forged.body.dump();
		expect(forged.statusCode).toBe(403);
		// A button of an older request (the "options" one, already ended) on this message.
		const old = emulator
			.bot()
			.sent.find((m) => 'text' in m && m.text?.startsWith('\u200boptions:'))!;
		const replay = pressUpdate(emulator, id, 0, mallory) as {
			callback_query: { data: string; message: unknown };
		};
		replay.callback_query.data = `tgw1|a|${'A'.repeat(22)}`;
		emulator.pushUpdate(replay as never);
		expect(await answerTo(replay)).toMatchObject({ text: 'This button is not valid' });
		expect(old).toBeDefined();
		await quiet();
		expect(reports('forged')).toEqual([]);
		// The real button still works.
		press(id, 0, mallory);
		expect(await result('forged')).toMatchObject({ approved: true });
	});

	it('custom buttons: the chosen value comes back', async () => {
		await start('saw-custom', { case: 'custom', approvers: '', limit: 0 });
		const id = await requestMessage('custom');
		press(id, 1, alice);
		expect(await result('custom')).toMatchObject({
			approved: null,
			text: 'monitor',
			respondedBy: { username: 'alice' },
		});
		expect(messageText(id).text).toMatch(/☑️ “Monitor” chosen by @alice, \d\d:\d\d$/);
	});

	it('free text: a reply to the request, prompted with force-reply, comes back', async () => {
		await start('saw-free-text', { case: 'freetext', approvers: '@alice', limit: 0 });
		const id = await requestMessage('freetext');
		const sent = emulator
			.callsOf('sendMessage')
			.find((c) => String(c.params.text).includes('freetext</b>'))!;
		expect(sent.params.reply_markup).toEqual({
			force_reply: true,
			input_field_placeholder: 'Ticket number',
		});
		emulator.pushUpdate(replyUpdate(emulator, id, 'not me', mallory) as never);
		await quiet();
		expect(reports('freetext')).toEqual([]);
		emulator.pushUpdate(replyUpdate(emulator, id, 'INC-4711', alice) as never);
		expect(await result('freetext')).toMatchObject({
			text: 'INC-4711',
			respondedBy: { username: 'alice' },
			timedOut: false,
		});
		expect(inboxEchoes()).toEqual([]);
	});

	it('times out: approved false, timedOut true; a late press is told the request is closed', async () => {
		await start('saw-approval', { case: 'timeout', approvers: '', limit: 0.05 });
		const id = await requestMessage('timeout');
		const started = Date.now();
		// n8n's wait tracker looks for due executions once a minute.
		const output = await result('timeout', 90_000);
		console.log(
			`BENCH sendAndWait.timeoutResume seconds=${((Date.now() - started) / 1000).toFixed(1)} limit=3`,
		);
		expect(output).toMatchObject({
			approved: false,
			timedOut: true,
			respondedBy: null,
			messageId: id,
		});
		const late = press(id, 0, alice);
		expect(await answerTo(late)).toMatchObject({
			text: 'This request is closed',
			show_alert: true,
		});
		await n8n.until(
			'the expired note',
			() =>
				messageText(id).text.endsWith('⌛ This request expired without an answer.') || undefined,
		);
		expect(messageText(id).reply_markup).toBeUndefined();
	});

	it('without a trigger: Answer With "Links to n8n" sends URL buttons to n8n\'s signed resume page', async () => {
		await start('saw-links', { case: 'links', approvers: '', limit: 0 });
		const id = await requestMessage('links');
		const buttons = (
			messageText(id) as unknown as {
				reply_markup: { inline_keyboard: Array<Array<{ text: string; url: string }>> };
			}
		).reply_markup.inline_keyboard.flat();
		expect(buttons.map((b) => b.text)).toEqual(['✅ Approve', '❌ Decline']);
		expect(buttons[1].url).toMatch(
			/\/webhook-waiting\/\d+\/wait-saw-links\?choice=d&signature=[0-9a-f]{64}$/,
		);
		// A changed choice breaks n8n's signature.
		const forged = await request(buttons[1].url.replace('choice=d', 'choice=a'));
		await forged.body.dump();
		expect(forged.statusCode).toBe(401);
		const opened = await request(buttons[1].url);
		expect(await opened.body.text()).toContain('Your answer was recorded');
		expect(await result('links')).toMatchObject({ approved: false, timedOut: false });
	});

	it("an ordinary message still starts the trigger's workflow", async () => {
		emulator.pushUpdate({
			message: {
				message_id: 7,
				date: 1_795_253_400,
				chat: { id: 1001, type: 'private', first_name: 'Ada' },
				from: alice,
				text: 'hello',
			},
		} as never);
		await n8n.until('the inbox echo', () => inboxEchoes().find((t) => t === 'INBOX message hello'));
	});
});

describe('Send and Wait with a webhook trigger on the bot', () => {
	it('the press reaches the waiting execution through the webhook trigger', async () => {
		await start('saw-hook-approval', { case: 'hook', approvers: '@alice', limit: 0 });
		const id = await requestMessage('hook', HOOK_TOKEN);
		const intruder = { update_id: 900_001, ...pressUpdate(emulator, id, 0, mallory, HOOK_TOKEN) };
		expect((await emulator.deliver(intruder, { token: HOOK_TOKEN })).status).toBe(200);
		expect(await answerTo(intruder)).toMatchObject({
			text: 'You are not an approver of this request',
		});
		await quiet();
		expect(reports('hook')).toEqual([]);
		const started = Date.now();
		const delivered = await emulator.deliver(
			{ update_id: 900_002, ...pressUpdate(emulator, id, 0, alice, HOOK_TOKEN) },
			{
				token: HOOK_TOKEN,
			},
		);
		expect(delivered.status).toBe(200);
		const output = await result('hook');
		console.log(
			`BENCH sendAndWait.pressToResume.webhook seconds=${((Date.now() - started) / 1000).toFixed(2)}`,
		);
		expect(output).toMatchObject({ approved: true, respondedBy: { username: 'alice' } });
		expect(messageText(id, HOOK_TOKEN).text).toMatch(/✅ Approved by @alice/);
		expect(inboxEchoes()).toEqual(['INBOX message hello']);
	});

	it('no output or edit carries the token', () => {
		const texts = emulator.calls.filter((c) => c.method !== 'getUpdates').map((c) => c.params);
		expect(tokenLeaks(texts)).toEqual([]);
		expect(tokenLeaks(texts, HOOK_TOKEN)).toEqual([]);
	});
});
