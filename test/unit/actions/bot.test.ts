import { describe, expect, it } from 'vitest';

import { runAction } from '../../harness';
import { tokenLeaks } from '../../leaks';
import { actionSuite, GROUP } from './setup';
import { freshRun } from './exampleRun';

const { emulator, run, credentials } = actionSuite();

describe('Bot → Get (getMe)', () => {
	it("returns the bot's user", async () => {
		const { items, error } = await runAction(credentials(), { resource: 'bot', operation: 'get' });
		expect(error).toBeUndefined();
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			id: 7012345678,
			is_bot: true,
			username: 'compliance_test_bot',
		});
		expect(emulator.callsOf('getMe')).toHaveLength(1);
	});

	it('tolerates a trailing slash on the server URL', async () => {
		const { items } = await runAction(
			{ ...credentials(), serverUrl: `${emulator.baseUrl}/` },
			{ resource: 'bot', operation: 'get' },
		);
		expect(items[0].json.username).toBe('compliance_test_bot');
	});

	it("names the operation, the status and Telegram's description for a wrong token, without leaking it", async () => {
		const wrong = '7012345678:AAHq3Zx9-WrongTokenSecretPart_9876543210';
		const { error } = await runAction(
			{ ...credentials(), apiToken: wrong },
			{ resource: 'bot', operation: 'get' },
		);
		expect(error?.message).toBe('Get Bot failed (401): Unauthorized');
		expect(error?.description).toMatch(/@BotFather/);
		expect(tokenLeaks(error, wrong)).toEqual([]);
	});

	it('refuses a malformed token before any request, once, saying what it must look like', async () => {
		const before = emulator.calls.length;
		const { error } = await runAction(
			{ ...credentials(), apiToken: 'not-a-token' },
			{ resource: 'bot', operation: 'get' },
		);
		expect(error?.message).toBe(
			'Get Bot failed (no response): The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
		);
		expect(emulator.calls.length).toBe(before);
	});
});

describe('bot profile and commands', () => {
	it('sets, gets and deletes the seed commands for a scope and language', async () => {
		const commands = [
			{ command: 'compliance', description: 'Compliance status' },
			{ command: '/evidence', description: 'Upload evidence' },
			{ command: 'risk', description: 'Open risks' },
			{ command: 'audit', description: 'Audit schedule' },
			{ command: 'help', description: 'What I can do' },
		];
		const scope = { scope: 'chat', scopeChatId: GROUP, languageCode: 'en' };
		await run({
			resource: 'bot',
			operation: 'setCommands',
			commands: { command: commands },
			options: scope,
		});
		expect(emulator.callsOf('setMyCommands')[0].params).toEqual({
			commands: commands.map((c) => ({ ...c, command: c.command.replace('/', '') })),
			scope: { type: 'chat', chat_id: -1001234567890 },
			language_code: 'en',
		});
		const { items } = await run({ resource: 'bot', operation: 'getCommands', options: scope });
		expect(items.map((item) => item.json.command)).toEqual([
			'compliance',
			'evidence',
			'risk',
			'audit',
			'help',
		]);
		await run({ resource: 'bot', operation: 'deleteCommands', options: scope });
		expect(
			(await run({ resource: 'bot', operation: 'getCommands', options: scope })).items,
		).toHaveLength(0);
		const bad = await run({
			resource: 'bot',
			operation: 'setCommands',
			commands: { command: [{ command: 'Risk Report', description: 'x' }] },
		});
		expect(bad.error?.message).toBe(
			'Set Commands: "Risk Report" is not a command: use 1–32 lowercase letters, digits and underscores',
		);
	});

	it.each([
		['setDescription', 'getDescription', 'description', 'setMyDescription'],
		['setShortDescription', 'getShortDescription', 'shortDescription', 'setMyShortDescription'],
		['setName', 'getName', 'name', 'setMyName'],
	])('%s then %s', async (setOp, getOp, field, method) => {
		await run({
			resource: 'bot',
			operation: setOp,
			[field]: 'Compliance helper',
			options: { languageCode: 'de' },
		});
		const snake = field.replace(/[A-Z]/g, (l) => `_${l.toLowerCase()}`);
		expect(emulator.callsOf(method)[0].params).toEqual({
			[snake]: 'Compliance helper',
			language_code: 'de',
		});
		const { items } = await run({
			resource: 'bot',
			operation: getOp,
			options: { languageCode: 'de' },
		});
		expect(items[0].json[snake]).toBe('Compliance helper');
	});
});

describe('Bot settings: default admin rights, menu button', () => {
	it('the default admin rights set are the ones read back, per groups or channels', async () => {
		const { run } = await freshRun();
		await run({
			resource: 'bot',
			operation: 'setDefaultAdministratorRights',
			rights: ['can_pin_messages'],
			options: { forChannels: true },
		});
		const channels = await run({
			resource: 'bot',
			operation: 'getDefaultAdministratorRights',
			options: { forChannels: true },
		});
		expect(channels.items[0].json).toMatchObject({
			can_pin_messages: true,
			can_manage_chat: false,
		});
		const groups = await run({ resource: 'bot', operation: 'getDefaultAdministratorRights' });
		expect(groups.items[0].json.can_pin_messages ?? false).toBe(false);
	});

	it('a web app menu button needs a text and an https URL, checked before any request', async () => {
		const { run, emulator } = await freshRun();
		const { error } = await run({
			resource: 'bot',
			operation: 'setMenuButton',
			menuButtonType: 'web_app',
			menuButtonText: 'Dashboard',
			menuButtonUrl: 'http://dashboard.example.com',
		});
		expect(error?.message).toBe(
			'Set Menu Button: a web app button needs a text and an https:// URL',
		);
		expect(emulator.callsOf('setChatMenuButton')).toHaveLength(0);
		await run({
			resource: 'bot',
			operation: 'setMenuButton',
			menuButtonType: 'web_app',
			menuButtonText: 'Dashboard',
			menuButtonUrl: 'https://dashboard.example.com',
			options: { privateChatId: 1001 },
		});
		const read = await run({
			resource: 'bot',
			operation: 'getMenuButton',
			options: { privateChatId: 1001 },
		});
		expect(read.items[0].json).toEqual({
			type: 'web_app',
			text: 'Dashboard',
			web_app: { url: 'https://dashboard.example.com' },
		});
	});
});
