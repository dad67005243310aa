import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { actionRunner, chat, FAST, GROUP } from '../../actionRun';
import { BotApiEmulator, INLINE_MESSAGE_ID } from '../../emulator/server';
import { useFilesystemBinaryStore } from '../../harness';

/**
 * The message operations of today's Bot API that are not table rows (sends through the delivery
 * engine, uploads, the inline edit target) and the send options added with them, each against
 * the emulator: what reaches Telegram, what comes out, and what Telegram refuses.
 */

const PRIVATE = 1001;
const png = { text: 'PNG new evidence', fileName: 'evidence.png', mimeType: 'image/png' };

const emulator = new BotApiEmulator();
beforeAll(async () => {
	await useFilesystemBinaryStore();
	await emulator.start();
});
afterAll(async () => await emulator.stop());

const run = actionRunner(emulator);

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
			[{ $binary: { data: png } }],
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
			[{ $binary: { data: png } }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('editMessageMedia');
		expect(call.files).toEqual({
			media: { filename: 'evidence.png', type: 'image/png', size: png.text.length },
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
