import { describe, expect, it } from 'vitest';

import { runAction } from '../../harness';
import { actionSuite, chat, FAST, GROUP } from './setup';
import { freshRun } from './exampleRun';
import { EARLIER_POLL, INLINE_MESSAGE_ID } from '../../emulator/server';

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

describe('Message operations of today’s Bot API', () => {
	it('React to Message with None removes the reaction; a message not there gets Telegram’s words', async () => {
		const { run, emulator } = await freshRun();
		await run({
			resource: 'message',
			operation: 'setReaction',
			chatId: chat(),
			messageId: 5,
			reaction: '',
		});
		expect(emulator.callsOf('setMessageReaction')[0].params).toMatchObject({ reaction: [] });
		const { error } = await run({
			resource: 'message',
			operation: 'setReaction',
			chatId: chat(),
			messageId: 999,
			reaction: '👍',
		});
		expect(error?.message).toContain('Set Message Reaction failed (400)');
		expect(JSON.stringify(error)).toContain('message to react not found');
	});

	it('Stop Poll answers with the closed poll; stopping it again gets Telegram’s refusal', async () => {
		const { run } = await freshRun();
		const stop = {
			resource: 'message',
			operation: 'stopPoll',
			chatId: chat(),
			messageId: EARLIER_POLL,
		};
		const { items, error } = await run(stop);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			question: 'Escalate the phishing wave?',
			is_closed: true,
		});
		expect(JSON.stringify((await run(stop)).error)).toContain('poll has already been closed');
	});

	it('Delete Messages deletes the messages found and refuses when none is', async () => {
		const { run } = await freshRun();
		const del = {
			resource: 'message',
			operation: 'deleteMessages',
			chatId: chat(),
			messageIds: '3, 4',
		};
		expect((await run(del)).error).toBeUndefined();
		const again = await run(del);
		expect(again.error?.message).toContain('Delete Messages failed (400)');
		expect(JSON.stringify(again.error)).toContain('message to delete not found');
	});
});

/** Today's Bot API: sends through the delivery engine, edits by inline message ID, new send options. */
const PRIVATE = 1001;
const evidencePng = { text: 'PNG new evidence', fileName: 'evidence.png', mimeType: 'image/png' };

async function sent(
	operation: string,
	parameters: Record<string, unknown>,
	chatId: string | number = GROUP,
) {
	const { items, error } = await run({
		resource: 'message',
		operation,
		chatId: chat(chatId),
		...parameters,
		options: FAST,
	});
	expect(error).toBeUndefined();
	return items[0].json.message_id as number;
}

describe('sends of today’s Bot API', () => {
	it('Send Contact sends the phone number, names and vCard', async () => {
		const { items, error } = await run({
			resource: 'message',
			operation: 'sendContact',
			chatId: chat(),
			phoneNumber: '+49 30 1234567',
			firstName: 'Security Desk',
			options: { ...FAST, lastName: 'Berlin', vcard: 'BEGIN:VCARD\nEND:VCARD' },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendContact')[0].params).toEqual({
			chat_id: Number(GROUP),
			phone_number: '+49 30 1234567',
			first_name: 'Security Desk',
			last_name: 'Berlin',
			vcard: 'BEGIN:VCARD\nEND:VCARD',
		});
		expect(items[0].json.contact).toEqual({
			phone_number: '+49 30 1234567',
			first_name: 'Security Desk',
		});
	});

	it('Send Contact refuses an empty phone number before any request', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'sendContact',
			chatId: chat(),
			phoneNumber: ' ',
			firstName: 'Desk',
			options: FAST,
		});
		expect(error?.message).toBe('Send Contact: the phone number is empty');
		expect(emulator.callsOf('sendContact')).toHaveLength(0);
	});

	it('Send Venue sends the place, its name and address', async () => {
		const { items, error } = await run({
			resource: 'message',
			operation: 'sendVenue',
			chatId: chat(),
			latitude: 50.1109,
			longitude: 8.6821,
			title: 'Data Centre Frankfurt 2',
			address: 'Hanauer Landstraße 300',
			options: { ...FAST, googlePlaceId: 'ChIJ-abc' },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendVenue')[0].params).toEqual({
			chat_id: Number(GROUP),
			latitude: 50.1109,
			longitude: 8.6821,
			title: 'Data Centre Frankfurt 2',
			address: 'Hanauer Landstraße 300',
			google_place_id: 'ChIJ-abc',
		});
		expect(items[0].json.venue).toMatchObject({ title: 'Data Centre Frankfurt 2' });
	});

	it('Send Venue refuses a place that is not on Earth before any request', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'sendVenue',
			chatId: chat(),
			latitude: 91,
			longitude: 0,
			title: 'Nowhere',
			address: 'None',
			options: FAST,
		});
		expect(error?.message).toBe('Send Venue: 91, 0 is not a place on Earth');
		expect(emulator.callsOf('sendVenue')).toHaveLength(0);
	});

	it('Forward Messages sends the IDs in increasing order, one output item per message', async () => {
		const first = await sent('sendMessage', { text: 'Alert 1' });
		const second = await sent('sendMessage', { text: 'Alert 2' });
		const { items, error } = await run({
			resource: 'message',
			operation: 'forwardMessages',
			chatId: chat(PRIVATE),
			fromChatId: GROUP,
			messageIds: `${second}, ${first}, ${second}`,
			options: { ...FAST, disableNotification: true },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('forwardMessages')[0].params).toEqual({
			chat_id: PRIVATE,
			from_chat_id: Number(GROUP),
			message_ids: [first, second],
			disable_notification: true,
		});
		expect(items).toHaveLength(2);
		expect(items.every((item) => typeof item.json.message_id === 'number')).toBe(true);
	});

	it('Copy Messages removes captions on request; Telegram’s refusal names the operation', async () => {
		const id = await sent('sendMessage', { text: 'Alert 3' });
		const { items, error } = await run({
			resource: 'message',
			operation: 'copyMessages',
			chatId: chat(PRIVATE),
			fromChatId: GROUP,
			messageIds: String(id),
			options: { ...FAST, removeCaption: true },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('copyMessages')[0].params).toMatchObject({
			message_ids: [id],
			remove_caption: true,
		});
		expect(items).toHaveLength(1);

		const missing = await run({
			resource: 'message',
			operation: 'copyMessages',
			chatId: chat(PRIVATE),
			fromChatId: GROUP,
			messageIds: '99999',
			options: FAST,
		});
		expect(missing.error?.message).toContain('Copy Messages failed (400)');
		expect(JSON.stringify(missing.error)).toContain('messages to copy not found');
	});

	it('Forward Messages refuses what is not a message ID before any request', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'forwardMessages',
			chatId: chat(PRIVATE),
			fromChatId: GROUP,
			messageIds: '12, twelve',
			options: FAST,
		});
		expect(error?.message).toBe('Forward Messages: "twelve" is not a message ID');
		expect(emulator.callsOf('forwardMessages')).toHaveLength(0);
	});
});

describe('send options of today’s Bot API', () => {
	it('a text send carries link preview options, a message effect and a business connection', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat(PRIVATE),
			text: 'Status page: https://status.example.com',
			options: {
				...FAST,
				linkPreviewUrl: 'https://status.example.com/incident/42',
				linkPreviewSize: 'large',
				linkPreviewAboveText: true,
				messageEffectId: '5104841245755180586',
				businessConnectionId: 'biz-1',
			},
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendMessage')[0].params).toMatchObject({
			link_preview_options: {
				url: 'https://status.example.com/incident/42',
				prefer_large_media: true,
				show_above_text: true,
			},
			message_effect_id: '5104841245755180586',
			business_connection_id: 'biz-1',
		});
	});

	it('Disable Link Preview wins over the other preview settings', async () => {
		await run({
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat(),
			text: 'https://status.example.com',
			options: { ...FAST, disableLinkPreview: true, linkPreviewSize: 'small' },
		});
		expect(emulator.callsOf('sendMessage')[0].params.link_preview_options).toEqual({
			is_disabled: true,
		});
	});

	it('a photo send puts the caption above the media', async () => {
		const { error } = await run(
			{
				resource: 'message',
				operation: 'sendPhoto',
				chatId: chat(),
				source: 'binary',
				binaryPropertyName: 'data',
				caption: 'Badge reader, 03:12',
				options: { ...FAST, showCaptionAboveMedia: true },
			},
			[{ $binary: { data: evidencePng } }],
		);
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendPhoto')[0].params.show_caption_above_media).toBe('true');
	});

	it('each option is offered only on the methods that have its parameter', async () => {
		const { TelegramBot } = await import('../../../nodes/TelegramBot/TelegramBot.node');
		const properties = new TelegramBot().description.properties;
		const offered = (operation: string) =>
			properties
				.filter(
					(p) => p.name === 'options' && p.displayOptions?.show?.operation?.includes(operation),
				)
				.flatMap((p) => (p.options ?? []).map((o) => ('name' in o ? o.name : '')));
		expect(offered('sendMessage')).toEqual(
			expect.arrayContaining(['linkPreviewUrl', 'messageEffectId', 'businessConnectionId']),
		);
		expect(offered('sendMessage')).not.toContain('showCaptionAboveMedia');
		expect(offered('sendPhoto')).toEqual(
			expect.arrayContaining(['showCaptionAboveMedia', 'messageEffectId']),
		);
		expect(offered('sendPhoto')).not.toContain('linkPreviewUrl');
		expect(offered('sendDocument')).not.toContain('showCaptionAboveMedia');
		expect(offered('forwardMessages')).not.toContain('messageEffectId');
		expect(offered('copyMessage')).toContain('showCaptionAboveMedia');
	});
});

describe('edits of today’s Bot API', () => {
	it('Edit Message Media uploads a binary field as the new photo, with caption and parse mode inside', async () => {
		const id = await sent('sendPhoto', { source: 'reference', file: 'https://example.com/a.jpg' });
		const { items, error } = await run(
			{
				resource: 'message',
				operation: 'editMessageMedia',
				chatId: chat(),
				messageId: id,
				mediaType: 'photo',
				source: 'binary',
				binaryPropertyName: 'data',
				caption: '<b>Replaced</b> evidence',
				options: { parseMode: 'HTML', showCaptionAboveMedia: true },
			},
			[{ $binary: { data: evidencePng } }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('editMessageMedia');
		expect(call.files).toEqual({
			media: { filename: 'evidence.png', type: 'image/png', size: evidencePng.text.length },
		});
		expect(call.params).toEqual({
			chat_id: GROUP,
			message_id: String(id),
			media: {
				type: 'photo',
				media: 'attach://media',
				caption: '<b>Replaced</b> evidence',
				parse_mode: 'HTML',
				show_caption_above_media: true,
			},
		});
		expect(items[0].json).toMatchObject({ message_id: id, caption: 'Replaced evidence' });
	});

	it('Edit Message Media of a text message reports Telegram’s refusal', async () => {
		const id = await sent('sendMessage', { text: 'Just text' });
		const { error } = await run({
			resource: 'message',
			operation: 'editMessageMedia',
			chatId: chat(),
			messageId: id,
			mediaType: 'document',
			source: 'reference',
			file: 'https://example.com/report.pdf',
		});
		expect(error?.message).toContain('Edit Message Media failed (400)');
		expect(JSON.stringify(error)).toContain("message can't be edited");
	});

	it.each([
		['editMessageText', { text: 'Approved by Ada' }, { text: 'Approved by Ada' }],
		['editMessageReplyMarkup', { replyMarkup: 'none' }, { reply_markup: { inline_keyboard: [] } }],
	])(
		'%s edits an inline message by its inline_message_id; the output is Telegram’s true',
		async (operation, parameters, sends) => {
			const { items, error } = await run({
				resource: 'message',
				operation,
				editTarget: 'inline',
				inlineMessageId: INLINE_MESSAGE_ID,
				...parameters,
			});
			if (operation === 'editMessageCaption') {
				// The seeded inline message is text: Telegram refuses a caption edit of it.
				expect(JSON.stringify(error)).toContain('there is no caption in the message to edit');
				return;
			}
			expect(error).toBeUndefined();
			const [call] = emulator.callsOf(operation);
			expect(call.params).toEqual({ inline_message_id: INLINE_MESSAGE_ID, ...sends });
			expect(items[0].json).toEqual({ result: true });
		},
	);

	it('Edit Message Caption of an inline text message reports Telegram’s refusal', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'editMessageCaption',
			editTarget: 'inline',
			inlineMessageId: INLINE_MESSAGE_ID,
			caption: 'Approved',
		});
		expect(emulator.callsOf('editMessageCaption')[0].params).toEqual({
			inline_message_id: INLINE_MESSAGE_ID,
			caption: 'Approved',
		});
		expect(JSON.stringify(error)).toContain('there is no caption in the message to edit');
	});

	it('an unknown inline_message_id gets Telegram’s MESSAGE_ID_INVALID', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'editMessageText',
			editTarget: 'inline',
			inlineMessageId: 'nope',
			text: 'x',
		});
		expect(error?.message).toContain('Edit Message Text failed (400)');
		expect(JSON.stringify(error)).toContain('MESSAGE_ID_INVALID');
	});
});
