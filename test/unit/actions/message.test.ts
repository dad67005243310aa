import { describe, expect, it } from 'vitest';

import { runAction } from '../../harness';
import { actionSuite, chat, FAST, GROUP } from './setup';

const { emulator, run, credentials } = actionSuite();

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

describe('Message → Send Message', () => {
	const send = (chatId: string, body = 'Suspicious login from 203.0.113.7', options = {}) => ({
		resource: 'message',
		operation: 'sendMessage',
		chatId: { __rl: true, mode: 'id', value: chatId },
		text: body,
		options,
	});

	it('sends plain text with no parse mode forced and returns the Message', async () => {
		const { items } = await runAction(credentials(), send('-1001234567890'));
		expect(emulator.callsOf('sendMessage')[0].params).toEqual({
			chat_id: -1001234567890,
			text: 'Suspicious login from 203.0.113.7',
		});
		expect(items[0].json).toMatchObject({
			message_id: expect.any(Number),
			chat: { id: -1001234567890, title: 'Security Operations' },
			text: 'Suspicious login from 203.0.113.7',
		});
	});

	it('accepts @channelusername and maps every option', async () => {
		await runAction(
			credentials(),
			send('@alerts_channel', '<b>SOC2</b> audit', {
				parseMode: 'HTML',
				disableNotification: true,
				protectContent: true,
				disableLinkPreview: true,
				replyToMessageId: 42,
				messageThreadId: 7,
			}),
		);
		expect(emulator.callsOf('sendMessage')[0].params).toEqual({
			chat_id: '@alerts_channel',
			text: '<b>SOC2</b> audit',
			parse_mode: 'HTML',
			disable_notification: true,
			protect_content: true,
			link_preview_options: { is_disabled: true },
			reply_parameters: { message_id: 42, allow_sending_without_reply: true },
			message_thread_id: 7,
		});
	});

	it('resolves expressions per item', async () => {
		const { items } = await runAction(
			credentials(),
			{ ...send('={{ $json.chat }}', '=Alert: {{ $json.alert }}') },
			[
				{ chat: '1001', alert: 'disk full' },
				{ chat: '-4001', alert: 'cert expiring' },
			],
		);
		expect(items.map((item) => item.json.text)).toEqual([
			'Alert: disk full',
			'Alert: cert expiring',
		]);
		expect(emulator.callsOf('sendMessage').map((call) => call.params.chat_id)).toEqual([
			1001, -4001,
		]);
	});

	it.each(['12ab', '@ab', '--5', 'https://t.me/x'])(
		'n8n refuses the typed chat ID %j before the run starts',
		async (chatId) => {
			const { error } = await runAction(credentials(), send(chatId));
			expect(error?.message).toMatch(/Enter a numeric chat ID or @channelusername/);
			expect(emulator.calls).toHaveLength(0);
		},
	);

	it.each(['12ab', '@ab', '', '--5', 'https://t.me/x'])(
		'refuses chat ID %j from an expression before any request',
		async (chatId) => {
			const { error } = await runAction(credentials(), send('={{ $json.chat }}'), [
				{ chat: chatId },
			]);
			expect(error?.message).toMatch(/^Send Message: ".*" is not a chat ID$/);
			expect(error?.description).toMatch(/negative for groups/);
			expect(emulator.calls).toHaveLength(0);
		},
	);

	it('refuses an empty text before any request', async () => {
		const { error } = await runAction(credentials(), send('1001', '  '));
		expect(error?.message).toBe('Send Message: the text is empty');
		expect(emulator.calls).toHaveLength(0);
	});

	it('reports chat not found with status, description and a hint', async () => {
		const { error } = await runAction(credentials(), send('-100555'));
		expect(error?.message).toBe('Send Message failed (400): Bad Request: chat not found');
		expect(error?.description).toMatch(/group IDs are negative/);
		expect(error?.httpCode).toBe('400');
	});

	it("says the user must press Start on 403 can't initiate conversation", async () => {
		emulator.addChat({ id: 2002, type: 'private', first_name: 'Grace' }, false);
		const { error } = await runAction(credentials(), send('2002'));
		expect(error?.message).toBe(
			"Send Message failed (403): Forbidden: bot can't initiate conversation with a user",
		);
		expect(error?.description).toMatch(/press Start/);
	});

	it('keeps one output item per input item under Continue On Fail', async () => {
		const { items, error } = await runAction(
			credentials(),
			send('={{ $json.chat }}', 'hello'),
			[{ chat: '1001' }, { chat: '-100555' }, { chat: 'bad id' }, { chat: '-4001' }],
			{
				continueOnFail: true,
			},
		);
		expect(error).toBeUndefined();
		expect(items).toHaveLength(4);
		expect(items.map((item) => item.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[1].json).toMatchObject({
			error: 'Send Message failed (400): Bad Request: chat not found',
			httpCode: 400,
		});
		expect(items[2].json.error).toMatch(/is not a chat ID/);
		expect(items[3].json).toMatchObject({ chat: { id: -4001 } });
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

	// A row of actions/message/simple.ts and nothing else: the README's "Adding an operation".
	it('unpins all messages of a chat, and names the chat Telegram cannot find', async () => {
		const all = await run({ resource: 'message', operation: 'unpinAllMessages', chatId: chat() });
		expect(emulator.callsOf('unpinAllChatMessages')[0].params).toEqual({
			chat_id: -1001234567890,
		});
		expect(all.items[0].json).toEqual({ ok: true, description: 'Unpin All Messages done' });
		const unknown = await run({
			resource: 'message',
			operation: 'unpinAllMessages',
			chatId: chat('-1009999999999'),
		});
		expect(unknown.error?.message).toBe(
			'Unpin All Messages failed (400): Bad Request: chat not found',
		);
	});
});
