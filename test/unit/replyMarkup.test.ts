import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { BotApiEmulator } from '../emulator/server';
import { defaultCredentials, runAction, useFilesystemBinaryStore } from '../harness';

const FAST = {
	messagesPerSecond: 1000,
	messagesPerChatPerSecond: 100,
	messagesPerGroupPerMinute: 6000,
};
const GROUP = '-1001234567890';
const chat = { __rl: true, mode: 'id', value: GROUP };
const INLINE = {
	replyMarkup: 'inlineKeyboard',
	inlineKeyboard: {
		rows: [
			{ buttons: { button: [{ text: 'Acknowledge', action: 'callback_data', value: 'ack:7' }] } },
		],
	},
};
const file = (name: string) => ({ source: 'reference', file: `https://example.com/${name}` });

/** Every send the README says takes Reply Markup, with the least each one needs. */
const SENDS: Record<string, Record<string, unknown>> = {
	sendMessage: { text: 'Incident 7 opened' },
	sendPhoto: file('chart.png'),
	sendDocument: file('report.pdf'),
	sendAudio: file('call.mp3'),
	sendVideo: file('clip.mp4'),
	sendAnimation: file('loop.gif'),
	sendVoice: file('note.ogg'),
	sendVideoNote: file('round.mp4'),
	sendSticker: file('sticker.webp'),
	sendDice: { emoji: '🎲' },
	sendPoll: { question: 'Escalate?', answers: 'Yes\nNo' },
	sendLocation: { latitude: 52.52, longitude: 13.405 },
	sendVenue: {
		latitude: 52.52,
		longitude: 13.405,
		title: 'SOC Berlin',
		address: 'Alexanderplatz 1',
	},
	sendContact: { phoneNumber: '+49 30 1234567', firstName: 'Security Desk' },
	copyMessage: { fromChatId: GROUP, messageId: 0, caption: '' },
};

const emulator = new BotApiEmulator();
beforeAll(async () => {
	await useFilesystemBinaryStore();
	await emulator.start();
});
afterAll(async () => await emulator.stop());

describe('Reply Markup on every send', () => {
	it('is offered on exactly the sends Telegram accepts it on', () => {
		const offered = new TelegramBot().description.properties
			.filter((p) => p.name === 'replyMarkup')
			.flatMap((p) => (p.displayOptions?.show?.operation as string[]) ?? []);
		expect(new Set(offered)).toEqual(
			new Set([
				...Object.keys(SENDS),
				// Edits take inline keyboards only.
				'editMessageText',
				'editMessageCaption',
				'editMessageReplyMarkup',
				'editMessageMedia',
			]),
		);
	});

	for (const [operation, parameters] of Object.entries(SENDS)) {
		it(`${operation} carries reply_markup`, async () => {
			const extra = { ...parameters };
			if (operation === 'copyMessage') {
				const sent = await runAction(defaultCredentials(emulator.baseUrl), {
					resource: 'message',
					operation: 'sendMessage',
					chatId: chat,
					text: 'to copy',
					options: FAST,
				});
				extra.messageId = sent.items[0].json.message_id;
			}
			emulator.calls.length = 0;
			const { error, items } = await runAction(defaultCredentials(emulator.baseUrl), {
				resource: 'message',
				operation,
				chatId: chat,
				...extra,
				...INLINE,
				options: FAST,
			});
			expect(error).toBeUndefined();
			expect(items).toHaveLength(1);
			expect(emulator.callsOf(operation)[0].params.reply_markup).toEqual({
				inline_keyboard: [[{ text: 'Acknowledge', callback_data: 'ack:7' }]],
			});
		});
	}

	it('puts the buttons under the last part of a split text', async () => {
		emulator.calls.length = 0;
		const { items } = await runAction(defaultCredentials(emulator.baseUrl), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat,
			text: `${'a'.repeat(4000)}\n\n${'b'.repeat(200)}`,
			replyMarkup: 'forceReply',
			options: FAST,
		});
		expect(items).toHaveLength(2);
		expect(emulator.callsOf('sendMessage').map((call) => call.params.reply_markup)).toEqual([
			undefined,
			{ force_reply: true },
		]);
	});

	it('refuses a keyboard without buttons before any request', async () => {
		emulator.calls.length = 0;
		const { error } = await runAction(defaultCredentials(emulator.baseUrl), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat,
			text: 'x',
			replyMarkup: 'inlineKeyboard',
			options: FAST,
		});
		expect(error?.message).toBe('Send Message: the inline keyboard has no buttons');
		expect(emulator.calls).toHaveLength(0);
	});
});
