import { describe, expect, it } from 'vitest';

import { actionSuite, chat } from './setup';
import { freshRun } from './exampleRun';

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

describe('Chat operations of today’s Bot API', () => {
	it('Restrict Chat Member sends every permission, true only where allowed, and the end date', async () => {
		const { run, emulator } = await freshRun();
		const { error } = await run({
			resource: 'chat',
			operation: 'restrictMember',
			chatId: chat(),
			userId: 66,
			permissions: ['can_send_messages'],
			options: { untilDate: '2026-12-01T00:00:00.000Z', independentPermissions: true },
		});
		expect(error).toBeUndefined();
		const { params } = emulator.callsOf('restrictChatMember')[0];
		expect(params).toMatchObject({
			user_id: 66,
			until_date: Date.parse('2026-12-01T00:00:00.000Z') / 1000,
			use_independent_chat_permissions: true,
		});
		const permissions = params.permissions as Record<string, boolean>;
		expect(permissions.can_send_messages).toBe(true);
		expect(Object.values(permissions).filter(Boolean)).toHaveLength(1);
		expect(Object.keys(permissions)).toHaveLength(14);
		const member = await run({
			resource: 'chat',
			operation: 'getMember',
			chatId: chat(),
			userId: 66,
		});
		expect(member.items[0].json).toMatchObject({ status: 'restricted', can_send_messages: true });
	});

	it('Restrict Chat Member in a basic group gets Telegram’s refusal', async () => {
		const { run } = await freshRun();
		const { error } = await run({
			resource: 'chat',
			operation: 'restrictMember',
			chatId: chat(-4001),
			userId: 66,
			permissions: [],
		});
		expect(error?.message).toContain('Restrict Chat Member failed (400)');
		expect(JSON.stringify(error)).toContain('method is available only for supergroups');
	});

	it('a join request is answered once: the second approval gets HIDE_REQUESTER_MISSING', async () => {
		const { run } = await freshRun();
		const approve = {
			resource: 'chat',
			operation: 'approveJoinRequest',
			chatId: chat(),
			userId: 67,
		};
		expect((await run(approve)).error).toBeUndefined();
		const again = await run(approve);
		expect(again.error?.message).toContain('Approve Chat Join Request failed (400)');
		expect(JSON.stringify(again.error)).toContain('HIDE_REQUESTER_MISSING');
	});

	it('Promote Chat Member sends each right, and the title needs an administrator', async () => {
		const { run, emulator } = await freshRun();
		await run({
			resource: 'chat',
			operation: 'promoteMember',
			chatId: chat(),
			userId: 66,
			rights: ['can_pin_messages'],
		});
		const { params } = emulator.callsOf('promoteChatMember')[0];
		expect(params).toMatchObject({
			can_pin_messages: true,
			can_delete_messages: false,
			is_anonymous: false,
		});
		const titled = await run({
			resource: 'chat',
			operation: 'setAdministratorTitle',
			chatId: chat(),
			userId: 66,
			customTitle: 'Pinner',
		});
		expect(titled.error).toBeUndefined();
		const notAdmin = await run({
			resource: 'chat',
			operation: 'setAdministratorTitle',
			chatId: chat(),
			userId: 1234,
			customTitle: 'Nobody',
		});
		expect(JSON.stringify(notAdmin.error)).toContain('user is not an administrator');
	});

	it('Set Chat Photo uploads the binary field as the photo; deleting twice gets CHAT_NOT_MODIFIED', async () => {
		const { run, emulator } = await freshRun();
		const png = { text: 'PNG logo', fileName: 'logo.png', mimeType: 'image/png' };
		const set = await run(
			{ resource: 'chat', operation: 'setPhoto', chatId: chat(), binaryPropertyName: 'data' },
			[{ $binary: { data: png } }],
		);
		expect(set.error).toBeUndefined();
		expect(emulator.callsOf('setChatPhoto')[0].files).toEqual({
			photo: { filename: 'logo.png', type: 'image/png', size: png.text.length },
		});
		const remove = { resource: 'chat', operation: 'deletePhoto', chatId: chat() };
		expect((await run(remove)).error).toBeUndefined();
		expect(JSON.stringify((await run(remove)).error)).toContain('CHAT_NOT_MODIFIED');
	});

	it('an unknown sticker set gets Telegram’s STICKERSET_INVALID', async () => {
		const { run } = await freshRun();
		const { error } = await run({
			resource: 'chat',
			operation: 'setStickerSet',
			chatId: chat(),
			stickerSetName: 'NoSuchSet',
		});
		expect(error?.message).toContain('Set Chat Sticker Set failed (400)');
		expect(JSON.stringify(error)).toContain('STICKERSET_INVALID');
	});

	it('a revoked invite link can no longer be edited', async () => {
		const { run } = await freshRun();
		const link = { chatId: chat(), inviteLink: 'https://t.me/+SeCoPsInViTe' };
		const revoked = await run({ resource: 'chat', operation: 'revokeInviteLink', ...link });
		expect(revoked.items[0].json).toMatchObject({ is_revoked: true });
		const edit = await run({
			resource: 'chat',
			operation: 'editInviteLink',
			...link,
			options: { name: 'x' },
		});
		expect(edit.error?.message).toContain('Edit Chat Invite Link failed (400)');
	});
});
