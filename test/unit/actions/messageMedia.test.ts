import { describe, expect, it } from 'vitest';

import { actionSuite, chat, FAST, GROUP, pdf, png } from './setup';

const { emulator, run } = actionSuite();

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
