import { describe, expect, it } from 'vitest';

import { chat } from './setup';
import { freshRun } from './exampleRun';

describe('user', () => {
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

	it('Get Chat Boosts answers with the boosts a user gave the chat', async () => {
		const { run, emulator } = await freshRun();
		const { items, error } = await run({
			resource: 'user',
			operation: 'getChatBoosts',
			chatId: chat(),
			userId: 66,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('getUserChatBoosts')[0].params).toEqual({
			chat_id: -1001234567890,
			user_id: 66,
		});
		expect(items[0].json).toMatchObject({ boosts: [{ source: { source: 'premium' } }] });
	});
});
