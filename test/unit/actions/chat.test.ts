import { describe, expect, it } from 'vitest';

import { actionSuite, chat } from './setup';

const { emulator, run } = actionSuite();

describe('chat', () => {
	it.each([
		['get', 'getChat', {}, {}],
		['getMemberCount', 'getChatMemberCount', {}, {}],
		['getMember', 'getChatMember', { userId: 1001 }, { user_id: 1001 }],
		['setTitle', 'setChatTitle', { title: 'SecOps' }, { title: 'SecOps' }],
		[
			'setDescription',
			'setChatDescription',
			{ description: 'Alerts only' },
			{ description: 'Alerts only' },
		],
		[
			'banMember',
			'banChatMember',
			{ userId: 66, options: { revokeMessages: true } },
			{ user_id: 66, revoke_messages: true },
		],
		['unbanMember', 'unbanChatMember', { userId: 66 }, { user_id: 66, only_if_banned: true }],
		[
			'createInviteLink',
			'createChatInviteLink',
			{ options: { name: 'auditors', memberLimit: 5 } },
			{ name: 'auditors', member_limit: 5 },
		],
		['leave', 'leaveChat', {}, {}],
	])('%s calls %s', async (operation, method, parameters, expected) => {
		const { items, error } = await run({
			resource: 'chat',
			operation,
			chatId: chat(),
			...parameters,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf(method)[0].params).toEqual({ chat_id: -1001234567890, ...expected });
		expect(items).toHaveLength(1);
	});

	it('gives one item per administrator', async () => {
		const { items } = await run({
			resource: 'chat',
			operation: 'getAdministrators',
			chatId: chat(),
		});
		expect(items.map((item) => item.json.status)).toEqual(['creator', 'administrator']);
	});
});
