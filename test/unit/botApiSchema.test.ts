import type { INodeProperties } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { actionRunner, chat, FAST, GROUP } from '../actionRun';
import { BotApiEmulator } from '../emulator/server';
import { useFilesystemBinaryStore } from '../harness';

// What the Bot API schema check found (issue 12): each of these sent a parameter Telegram does
// not have, or refused what Telegram accepts.
const emulator = new BotApiEmulator();
beforeAll(async () => {
	await useFilesystemBinaryStore();
	await emulator.start();
});
afterAll(async () => await emulator.stop());

const run = actionRunner(emulator);

/** The Send Options an operation offers in the editor. */
function offeredOptions(operation: string): string[] {
	const options = new TelegramBot().description.properties.find(
		(property) =>
			property.name === 'options' && property.displayOptions?.show?.operation?.includes(operation),
	) as INodeProperties & { options: INodeProperties[] };
	return options.options.map((option) => option.name);
}

describe('quiz polls', () => {
	it('send the right answer as correct_option_ids, with up to 12 answers', async () => {
		const answers = Array.from({ length: 12 }, (_, i) => `Control ${i + 1}`);
		const { items, error } = await run({
			resource: 'message',
			operation: 'sendPoll',
			chatId: chat(),
			question: 'Which control failed?',
			answers: answers.join('\n'),
			options: { ...FAST, correctAnswer: 12 },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendPoll')[0].params).toEqual({
			chat_id: -1001234567890,
			question: 'Which control failed?',
			options: answers.map((text) => ({ text })),
			type: 'quiz',
			correct_option_ids: [11],
		});
		expect((items[0].json.poll as { correct_option_ids: number[] }).correct_option_ids).toEqual([
			11,
		]);
	});

	it('accept a single answer, as Telegram does', async () => {
		const { error } = await run({
			resource: 'message',
			operation: 'sendPoll',
			chatId: chat(),
			question: 'Acknowledge the incident',
			answers: 'Acknowledged',
			options: FAST,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendPoll')[0].params.options).toEqual([{ text: 'Acknowledged' }]);
	});
});

describe('options Telegram ignores are not offered, nor sent from an older workflow', () => {
	const everyOption = {
		...FAST,
		disableNotification: true,
		protectContent: true,
		replyToMessageId: 7,
	};

	it('Send Chat Action: no silent, protect or reply-to', async () => {
		for (const name of ['disableNotification', 'protectContent', 'replyToMessageId'])
			expect(offeredOptions('sendChatAction')).not.toContain(name);
		expect(offeredOptions('sendChatAction')).toContain('messageThreadId');
		const { error } = await run({
			resource: 'message',
			operation: 'sendChatAction',
			chatId: chat(),
			action: 'typing',
			options: { ...everyOption, messageThreadId: 3 },
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('sendChatAction')[0].params).toEqual({
			chat_id: -1001234567890,
			action: 'typing',
			message_thread_id: 3,
		});
	});

	it('Forward Message: no reply-to, silent and protect stay', async () => {
		expect(offeredOptions('forwardMessage')).not.toContain('replyToMessageId');
		expect(offeredOptions('forwardMessage')).toEqual(
			expect.arrayContaining(['disableNotification', 'protectContent']),
		);
		const sent = await run({
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat(),
			text: 'Forward me',
			options: FAST,
		});
		const { error } = await run({
			resource: 'message',
			operation: 'forwardMessage',
			chatId: chat(1001),
			fromChatId: GROUP,
			messageId: sent.items[0].json.message_id,
			options: everyOption,
		});
		expect(error).toBeUndefined();
		expect(emulator.callsOf('forwardMessage')[0].params).toEqual({
			chat_id: 1001,
			from_chat_id: -1001234567890,
			message_id: sent.items[0].json.message_id,
			disable_notification: true,
			protect_content: true,
		});
	});

	it('Send Media Group: Parse Mode goes to each caption, never to the album', async () => {
		expect(offeredOptions('sendMediaGroup')).toContain('parseMode');
		expect(offeredOptions('sendMediaGroup')).not.toContain('longCaption');
		const png = (name: string) => ({
			text: `PNG ${name}`,
			fileName: `${name}.png`,
			mimeType: 'image/png',
		});
		const { error } = await run(
			{
				resource: 'message',
				operation: 'sendMediaGroup',
				chatId: chat(),
				media: {
					items: [
						{
							type: 'photo',
							source: 'binary',
							binaryPropertyName: 'first',
							caption: '<b>Door</b> log',
						},
						{ type: 'photo', source: 'binary', binaryPropertyName: 'second' },
					],
				},
				options: { ...FAST, parseMode: 'HTML' },
			},
			[{ $binary: { first: png('first'), second: png('second') } }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('sendMediaGroup');
		expect(call.params).toEqual({
			chat_id: GROUP,
			media: [
				{ type: 'photo', media: 'attach://file0', caption: '<b>Door</b> log', parse_mode: 'HTML' },
				{ type: 'photo', media: 'attach://file1' },
			],
		});
	});
});

describe('multipart uploads', () => {
	it('keep text fields byte for byte: line breaks stay \\n, not the CRLF of HTML forms', async () => {
		const caption = 'Incident 42\nZeile zwei — ✓\r\nthird';
		const { error } = await run(
			{
				resource: 'message',
				operation: 'sendDocument',
				chatId: chat(),
				source: 'binary',
				binaryPropertyName: 'data',
				caption,
				options: FAST,
			},
			[{ $binary: { data: { text: 'evidence\n', fileName: 'log.txt', mimeType: 'text/plain' } } }],
		);
		expect(error).toBeUndefined();
		const [call] = emulator.callsOf('sendDocument');
		expect(call.params.caption).toBe(caption);
		expect(call.files.document).toEqual({ filename: 'log.txt', type: 'text/plain', size: 9 });
	});
});
