import { describe, expect, it } from 'vitest';

import { freshRun, itRunsItsExample } from './recentOps';

describe('Bot and User operations of today’s Bot API', () => {
	itRunsItsExample('bot', [
		'getDefaultAdministratorRights',
		'setDefaultAdministratorRights',
		'getMenuButton',
		'setMenuButton',
	]);
	itRunsItsExample('user', ['getProfilePhotos', 'getChatBoosts']);

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

	it('Get Profile Photos of an unknown user gets Telegram’s refusal', async () => {
		const { run } = await freshRun();
		const { error } = await run({
			resource: 'user',
			operation: 'getProfilePhotos',
			userId: 424242,
		});
		expect(error?.message).toContain('Get User Profile Photos failed (400)');
		expect(JSON.stringify(error)).toContain('user not found');
	});
});
