/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a file on this machine's disk */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionRunner, chat, FAST, GROUP } from '../actionRun';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, runAction, useFilesystemBinaryStore } from '../harness';
import { tokenLeaks } from '../leaks';

const pdf = {
	report: { text: '%PDF-1.7 evidence', fileName: 'evidence.pdf', mimeType: 'application/pdf' },
};
const png = (name: string) => ({
	text: `PNG ${name}`,
	fileName: `${name}.png`,
	mimeType: 'image/png',
});

const emulator = new BotApiEmulator();
beforeAll(async () => {
	await useFilesystemBinaryStore();
	await emulator.start();
});
afterAll(async () => await emulator.stop());

const run = actionRunner(emulator);

/** A message the bot sent earlier, to edit, forward or pin. */
async function sentText(text = 'Audit opened') {
	const { items } = await run({
		resource: 'message',
		operation: 'sendMessage',
		chatId: chat(),
		text,
		options: FAST,
	});
	return items[0].json.message_id as number;
}

describe('media sends', () => {
	const media = [
		['sendPhoto', 'photo'],
		['sendDocument', 'document'],
		['sendVideo', 'video'],
		['sendAudio', 'audio'],
		['sendVoice', 'voice'],
		['sendAnimation', 'animation'],
		['sendSticker', 'sticker'],
		['sendVideoNote', 'video_note'],
	] as const;

	it.each(media)('%s uploads a binary field as a multipart file part', async (operation, field) => {
		const captioned = field !== 'sticker' && field !== 'video_note';
		const { items, error } = await run(
			{
				resource: 'message',
				operation,
				chatId: chat(),
				source: 'binary',
				binaryPropertyName: 'report',
				...(captioned ? { caption: '<b>Evidence</b> attached' } : {}),
				options: {
					...FAST,
					...(captioned ? { parseMode: 'HTML' } : {}),
					disableNotification: true,
				},
			},
			[{ $binary: pdf }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf(operation);
		expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
		expect(call.files).toEqual({
			[field]: { filename: 'evidence.pdf', type: 'application/pdf', size: 17 },
		});
		expect(call.params).toEqual({
			chat_id: GROUP,
			disable_notification: 'true',
			...(captioned ? { caption: '<b>Evidence</b> attached', parse_mode: 'HTML' } : {}),
		});
		expect(items).toHaveLength(1);
		expect(items[0].json[field]).toBeDefined();
	});

	it('sends a URL or file_id as JSON, with an inline keyboard built from fields', async () => {
		const { items, error } = await run({
			resource: 'message',
			operation: 'sendPhoto',
			chatId: chat(),
			source: 'reference',
			file: 'https://example.com/chart.png',
			caption: 'Risk chart',
			replyMarkup: 'inlineKeyboard',
			inlineKeyboard: {
				rows: [
					{
						buttons: {
							button: [
								{ text: 'Approve', action: 'callback_data', value: 'approve:42' },
								{ text: 'Reject', action: 'callback_data', value: 'reject:42' },
							],
						},
					},
					{
						buttons: {
							button: [{ text: 'Open ticket', action: 'url', value: 'https://example.com/t/42' }],
						},
					},
				],
			},
			options: { ...FAST, hasSpoiler: true },
		});
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('sendPhoto');
		expect(call.contentType).toMatch(/^application\/json/);
		expect(call.params).toEqual({
			chat_id: -1001234567890,
			photo: 'https://example.com/chart.png',
			caption: 'Risk chart',
			has_spoiler: true,
			reply_markup: {
				inline_keyboard: [
					[
						{ text: 'Approve', callback_data: 'approve:42' },
						{ text: 'Reject', callback_data: 'reject:42' },
					],
					[{ text: 'Open ticket', url: 'https://example.com/t/42' }],
				],
			},
		});
		expect((items[0].json.photo as unknown[]).length).toBe(2);
	});

	it('a caption over 1024 characters continues in text messages after the media', async () => {
		const caption = `<b>Findings</b>\n\n${'control reviewed and accepted. '.repeat(60)}`;
		const { items, error } = await run({
			resource: 'message',
			operation: 'sendDocument',
			chatId: chat(),
			source: 'reference',
			file: 'https://example.com/report.pdf',
			caption,
			options: { ...FAST, parseMode: 'HTML' },
		});
		expect(error).toBeUndefined();
		expect(emulator.calls.map((call) => call.method)).toEqual(['sendDocument', 'sendMessage']);
		expect(items.map((item) => [item.json.part, item.json.parts])).toEqual([
			[1, 2],
			[2, 2],
		]);
		expect(
			String(emulator.callsOf('sendDocument')[0].params.caption).startsWith('<b>Findings</b>'),
		).toBe(true);
	});

	it("refuses an unknown file_id with Telegram's words, and a missing binary field before any request", async () => {
		const bad = await run({
			resource: 'message',
			operation: 'sendVideo',
			chatId: chat(),
			source: 'reference',
			file: 'nope',
			options: FAST,
		});
		expect(bad.error?.message).toBe(
			'Send Video failed (400): Bad Request: wrong file identifier/HTTP URL specified',
		);
		const missing = await run({
			resource: 'message',
			operation: 'sendPhoto',
			chatId: chat(),
			source: 'binary',
			binaryPropertyName: 'photo',
			options: FAST,
		});
		expect(missing.error?.message).toMatch(/photo/);
		expect(emulator.calls).toHaveLength(0);
	});
});

describe('media group', () => {
	it('sends an album from binary fields and a URL, one item per message', async () => {
		const { items, error } = await run(
			{
				resource: 'message',
				operation: 'sendMediaGroup',
				chatId: chat(),
				media: {
					items: [
						{ type: 'photo', source: 'binary', binaryPropertyName: 'first', caption: 'Door log' },
						{ type: 'photo', source: 'binary', binaryPropertyName: 'second' },
						{ type: 'video', source: 'reference', file: 'https://example.com/cctv.mp4' },
					],
				},
				options: FAST,
			},
			[{ $binary: { first: png('first'), second: png('second') } }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('sendMediaGroup');
		expect(call.files).toEqual({
			file0: { filename: 'first.png', type: 'image/png', size: 9 },
			file1: { filename: 'second.png', type: 'image/png', size: 10 },
		});
		expect(call.params.media).toEqual([
			{ type: 'photo', media: 'attach://file0', caption: 'Door log' },
			{ type: 'photo', media: 'attach://file1' },
			{ type: 'video', media: 'https://example.com/cctv.mp4' },
		]);
		expect(items).toHaveLength(3);
		expect(new Set(items.map((item) => item.json.media_group_id)).size).toBe(1);
	});

	it('refuses one medium, or documents mixed with photos, before any request', async () => {
		const one = await run({
			resource: 'message',
			operation: 'sendMediaGroup',
			chatId: chat(),
			media: { items: [{ type: 'photo', source: 'reference', file: 'https://e.com/a.png' }] },
			options: FAST,
		});
		expect(one.error?.message).toBe('Send Media Group: an album needs 2–10 media, got 1');
		const mixed = await run({
			resource: 'message',
			operation: 'sendMediaGroup',
			chatId: chat(),
			media: {
				items: [
					{ type: 'photo', source: 'reference', file: 'https://e.com/a.png' },
					{ type: 'document', source: 'reference', file: 'https://e.com/a.pdf' },
				],
			},
			options: FAST,
		});
		expect(mixed.error?.message).toMatch(/^Send Media Group: photos and videos can be mixed/);
		expect(emulator.calls).toHaveLength(0);
	});
});

describe('other sends', () => {
	it.each([
		[
			'sendLocation',
			{ latitude: 52.52, longitude: 13.405 },
			{ latitude: 52.52, longitude: 13.405 },
			'location',
		],
		['sendDice', { emoji: '🎯' }, { emoji: '🎯' }, 'dice'],
		[
			'sendPoll',
			{
				question: 'Ready for the audit?',
				answers: 'Yes\nNo\n\nNot yet',
				options: { ...FAST, isAnonymous: false, correctAnswer: 1 },
			},
			{
				question: 'Ready for the audit?',
				options: [{ text: 'Yes' }, { text: 'No' }, { text: 'Not yet' }],
				is_anonymous: false,
				type: 'quiz',
				correct_option_ids: [0],
			},
			'poll',
		],
	])('%s sends what Telegram expects', async (operation, parameters, expected, field) => {
		const { items, error } = await run({
			resource: 'message',
			operation,
			chatId: chat(),
			options: FAST,
			...parameters,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf(operation)[0].params).toEqual({ chat_id: -1001234567890, ...expected });
		expect(items[0].json[field]).toBeDefined();
	});

	it('sendChatAction answers ok', async () => {
		const { items } = await run({
			resource: 'message',
			operation: 'sendChatAction',
			chatId: chat(),
			action: 'upload_document',
			options: FAST,
		});
		expect(emulator.callsOf('sendChatAction')[0].params).toEqual({
			chat_id: -1001234567890,
			action: 'upload_document',
		});
		expect(items[0].json).toEqual({ ok: true });
	});

	it('refuses a bad poll and a place off the map before any request', async () => {
		const poll = await run({
			resource: 'message',
			operation: 'sendPoll',
			chatId: chat(),
			question: 'Q',
			answers: Array.from({ length: 13 }, (_, i) => `Answer ${i + 1}`).join('\n'),
			options: FAST,
		});
		expect(poll.error?.message).toBe('Send Poll: a poll needs 1–12 answers, got 13');
		const place = await run({
			resource: 'message',
			operation: 'sendLocation',
			chatId: chat(),
			latitude: 95,
			longitude: 0,
			options: FAST,
		});
		expect(place.error?.message).toBe('Send Location: 95, 0 is not a place on Earth');
		expect(emulator.calls).toHaveLength(0);
	});

	it('a reply keyboard, a forced reply and markup as JSON', async () => {
		await run({
			resource: 'message',
			operation: 'sendLocation',
			chatId: chat(1001),
			latitude: 1,
			longitude: 2,
			options: FAST,
			replyMarkup: 'replyKeyboard',
			replyKeyboard: {
				rows: [
					{
						buttons: {
							button: [{ text: 'Share contact', request_contact: true, request_location: false }],
						},
					},
				],
			},
			keyboardOptions: { one_time_keyboard: true },
		});
		expect(emulator.callsOf('sendLocation')[0].params.reply_markup).toEqual({
			keyboard: [[{ text: 'Share contact', request_contact: true }]],
			resize_keyboard: true,
			one_time_keyboard: true,
		});
		await run({
			resource: 'message',
			operation: 'sendDice',
			chatId: chat(1001),
			emoji: '🎲',
			options: FAST,
			replyMarkup: 'forceReply',
		});
		expect(emulator.callsOf('sendDice')[0].params.reply_markup).toEqual({ force_reply: true });
		const bad = await run({
			resource: 'message',
			operation: 'sendDice',
			chatId: chat(1001),
			emoji: '🎲',
			options: FAST,
			replyMarkup: 'json',
			replyMarkupJson: '{"buttons": []}',
		});
		expect(bad.error?.message).toBe(
			'Send Dice: Reply Markup JSON needs one of inline_keyboard, keyboard, remove_keyboard, force_reply',
		);
	});
});

describe('forward, copy, edit, delete, pin', () => {
	it('forwards and copies a message from another chat', async () => {
		const id = await sentText('Forward me');
		const forwarded = await run({
			resource: 'message',
			operation: 'forwardMessage',
			chatId: chat(1001),
			fromChatId: GROUP,
			messageId: id,
			options: FAST,
		});
		expect(emulator.callsOf('forwardMessage')[0].params).toEqual({
			chat_id: 1001,
			from_chat_id: -1001234567890,
			message_id: id,
		});
		expect(forwarded.items[0].json.text).toBe('Forward me');
		const copied = await run({
			resource: 'message',
			operation: 'copyMessage',
			chatId: chat(1001),
			fromChatId: GROUP,
			messageId: id,
			caption: '',
			options: FAST,
		});
		expect(emulator.callsOf('copyMessage')[0].params).toEqual({
			chat_id: 1001,
			from_chat_id: -1001234567890,
			message_id: id,
		});
		expect(copied.items[0].json.message_id).toEqual(expect.any(Number));
	});

	it('edits text with buttons, and says what Telegram said when nothing changed', async () => {
		const id = await sentText('Status: open');
		const { items } = await run({
			resource: 'message',
			operation: 'editMessageText',
			chatId: chat(),
			messageId: id,
			text: 'Status: <b>closed</b>',
			replyMarkup: 'json',
			replyMarkupJson: '{"inline_keyboard": [[{"text": "Reopen", "callback_data": "reopen"}]]}',
			options: { parseMode: 'HTML' },
		});
		expect(emulator.callsOf('editMessageText')[0].params).toEqual({
			chat_id: -1001234567890,
			message_id: id,
			text: 'Status: <b>closed</b>',
			parse_mode: 'HTML',
			reply_markup: { inline_keyboard: [[{ text: 'Reopen', callback_data: 'reopen' }]] },
		});
		expect(items[0].json.edit_date).toEqual(expect.any(Number));
		const same = await run({
			resource: 'message',
			operation: 'editMessageText',
			chatId: chat(),
			messageId: id,
			text: 'Status: <b>closed</b>',
			options: { parseMode: 'HTML' },
		});
		expect(same.error?.message).toMatch(
			/^Edit Message Text failed \(400\): Bad Request: message is not modified/,
		);
	});

	it('edits a caption and removes buttons', async () => {
		const { items: sent } = await run({
			resource: 'message',
			operation: 'sendPhoto',
			chatId: chat(),
			source: 'reference',
			file: 'https://e.com/p.png',
			caption: 'old',
			options: FAST,
		});
		const id = sent[0].json.message_id as number;
		const caption = await run({
			resource: 'message',
			operation: 'editMessageCaption',
			chatId: chat(),
			messageId: id,
			caption: 'new',
			options: {},
		});
		expect(caption.items[0].json.caption).toBe('new');
		await run({
			resource: 'message',
			operation: 'editMessageReplyMarkup',
			chatId: chat(),
			messageId: id,
			replyMarkup: 'none',
		});
		expect(emulator.callsOf('editMessageReplyMarkup')[0].params).toEqual({
			chat_id: -1001234567890,
			message_id: id,
			reply_markup: { inline_keyboard: [] },
		});
	});

	it("pins, unpins and deletes; a second delete gives Telegram's sentence", async () => {
		const id = await sentText('Pin me');
		const pin = await run({
			resource: 'message',
			operation: 'pinMessage',
			chatId: chat(),
			messageId: id,
			options: { disableNotification: true },
		});
		expect(emulator.callsOf('pinChatMessage')[0].params).toEqual({
			chat_id: -1001234567890,
			message_id: id,
			disable_notification: true,
		});
		expect(pin.items[0].json).toEqual({ ok: true, description: 'Pin Message done' });
		await run({ resource: 'message', operation: 'unpinMessage', chatId: chat(), messageId: id });
		expect(emulator.callsOf('unpinChatMessage')).toHaveLength(1);
		await run({ resource: 'message', operation: 'deleteMessage', chatId: chat(), messageId: id });
		const again = await run({
			resource: 'message',
			operation: 'deleteMessage',
			chatId: chat(),
			messageId: id,
		});
		expect(again.error?.message).toBe(
			'Delete Message failed (400): Bad Request: message to delete not found',
		);
		const zero = await run({
			resource: 'message',
			operation: 'deleteMessage',
			chatId: chat(),
			messageId: 0,
		});
		expect(zero.error?.message).toBe(
			'Delete Message: Message ID must be a positive whole number, not "0"',
		);
	});
});

describe('callback and inline queries', () => {
	it('answers a button press with an alert', async () => {
		const { items } = await run({
			resource: 'callback',
			operation: 'answerQuery',
			queryId: 'cbq-1',
			options: { text: 'Approved', showAlert: true },
		});
		expect(emulator.callsOf('answerCallbackQuery')[0].params).toEqual({
			callback_query_id: 'cbq-1',
			text: 'Approved',
			show_alert: true,
		});
		expect(items[0].json.ok).toBe(true);
	});

	it('answers an inline query and checks the results first', async () => {
		const results = [
			{
				type: 'article',
				id: 'p1',
				title: 'Policy',
				input_message_content: { message_text: 'See policy' },
			},
		];
		await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: JSON.stringify(results),
			options: { cacheTime: 10 },
		});
		expect(emulator.callsOf('answerInlineQuery')[0].params).toEqual({
			inline_query_id: 'iq-1',
			results,
			cache_time: 10,
		});
		const twice = await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: JSON.stringify([...results, ...results]),
		});
		expect(twice.error?.message).toBe('Answer Inline Query: the id "p1" is used twice');
		const notJson = await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: '{oops',
		});
		expect(notJson.error?.message).toBe(
			'Answer Inline Query: Results must be a JSON array of InlineQueryResult objects',
		);
		expect(emulator.calls).toHaveLength(0);
	});
});

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

describe('file', () => {
	it('downloads into a binary field with its name and type', async () => {
		const file = emulator.addFile(2048, 'documents/file_77.pdf', 'application/pdf');
		const { items, error } = await run({
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
			download: true,
			binaryPropertyName: 'evidence',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			file_id: file.file_id,
			file_path: 'documents/file_77.pdf',
			file_size: 2048,
		});
		expect(items[0].binary?.evidence).toMatchObject({
			fileName: 'file_77.pdf',
			mimeType: 'application/pdf',
		});
		expect(emulator.callsOf('download')[0].params.path).toBe('documents/file_77.pdf');
	});

	it('explains the 20 MB limit of the cloud server', async () => {
		const file = emulator.addFile(25 * 1024 * 1024, 'videos/file_big.mp4', 'video/mp4');
		const { error } = await run({
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
			download: true,
			binaryPropertyName: 'data',
		});
		expect(error?.message).toBe('Get File failed (400): Bad Request: file is too big');
		expect(error?.description).toMatch(/20 MB/);
	});

	it('reads the absolute path a local self-hosted server gives, where n8n may read files', async () => {
		const local = new BotApiEmulator({ selfHosted: true });
		await local.start();
		// n8n reads files only under N8N_RESTRICT_FILE_ACCESS_TO, ~/.n8n-files by default.
		// Like telegram-bot-api --local, which keeps files under a folder named after the token.
		const allowed = join(homedir(), '.n8n-files', 'bot-api-test', DEFAULT_TOKEN, 'documents');
		mkdirSync(allowed, { recursive: true });
		const path = join(allowed, 'scan.pdf');
		writeFileSync(path, '%PDF local');
		const elsewhereDir = join(mkdtempSync(join(tmpdir(), 'bot-api-local-')), DEFAULT_TOKEN);
		mkdirSync(elsewhereDir);
		const elsewhere = join(elsewhereDir, 'scan.pdf');
		writeFileSync(elsewhere, '%PDF local');
		const get = async (fileId: string) =>
			await runAction(defaultCredentials(local.baseUrl), {
				resource: 'file',
				operation: 'get',
				fileId,
				download: true,
				binaryPropertyName: 'data',
			});
		const result = await get(local.addFile(10, path, 'application/pdf').file_id);
		const blocked = await get(local.addFile(10, elsewhere, 'application/pdf').file_id);
		await local.stop();
		expect(blocked.error?.message).toMatch(
			/^Get File: the Bot API server keeps this file at .*N8N_RESTRICT_FILE_ACCESS_TO/,
		);
		expect(result.error).toBeUndefined();
		expect(tokenLeaks(result)).toEqual([]);
		expect(tokenLeaks(blocked)).toEqual([]);
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: 'scan.pdf',
			mimeType: 'application/pdf',
		});
		expect(local.callsOf('download')).toHaveLength(0);
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

describe('Call API Method', () => {
	it('calls any method with JSON parameters under the chat rate limits', async () => {
		const { items, error } = await run({
			resource: 'api',
			operation: 'call',
			method: 'sendContact',
			parameters: JSON.stringify({
				chat_id: 1001,
				phone_number: '+4930123',
				first_name: 'Security Desk',
			}),
			options: FAST,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendContact')[0].params).toEqual({
			chat_id: 1001,
			phone_number: '+4930123',
			first_name: 'Security Desk',
		});
		expect((items[0].json.contact as { first_name: string }).first_name).toBe('Security Desk');
	});

	it('sends binary attachments and reports Telegram errors like every operation', async () => {
		const { error } = await run(
			{
				resource: 'api',
				operation: 'call',
				method: 'sendDocument',
				parameters: `{"chat_id": "${GROUP}"}`,
				attachments: { attachment: [{ field: 'document', binaryPropertyName: 'report' }] },
				options: FAST,
			},
			[{ $binary: pdf }],
		);
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendDocument')[0].files.document).toEqual({
			filename: 'evidence.pdf',
			type: 'application/pdf',
			size: 17,
		});
		const unknown = await run({
			resource: 'api',
			operation: 'call',
			method: 'launchRocket',
			parameters: '{}',
		});
		expect(unknown.error?.message).toBe(
			'Call API Method failed (404): Not Found: method not found',
		);
		const bad = await run({
			resource: 'api',
			operation: 'call',
			method: 'getMe',
			parameters: '[1]',
		});
		expect(bad.error?.message).toBe('Call API Method: Parameters must be one JSON object');
	});
});
