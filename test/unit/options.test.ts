import type { INodeProperties } from 'n8n-workflow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { BotApiEmulator } from '../emulator/server';
import { defaultCredentials, runAction } from '../harness';

const properties = new TelegramBot().description.properties;
const optionsOf = (operation: string) =>
	properties.find(
		(p) =>
			p.name === 'options' &&
			(p.displayOptions?.show?.operation as string[] | undefined)?.includes(operation),
	)!.options as INodeProperties[];

const emulator = new BotApiEmulator();
beforeAll(async () => await emulator.start());
afterAll(async () => await emulator.stop());

describe('Options a person can scan', () => {
	it('lists Send Message options by purpose, common ones first (n8n keeps the declared order)', () => {
		expect(optionsOf('sendMessage').map((o) => o.name)).toEqual([
			'parseMode',
			'plainTextFallback',
			'disableLinkPreview',
			'linkPreviewUrl',
			'linkPreviewSize',
			'linkPreviewAboveText',
			'messageEffectId',
			'longText',
			'maxParts',
			'replyToMessageId',
			'messageThreadId',
			'businessConnectionId',
			'disableNotification',
			'protectContent',
			'allowPaidBroadcast',
			'additionalChatIds',
			'messagesPerSecond',
			'messagesPerChatPerSecond',
			'messagesPerGroupPerMinute',
			'requestTimeout',
			'retryWaitLimit',
		]);
		expect(
			optionsOf('sendPhoto')
				.map((o) => o.name)
				.slice(0, 5),
		).toEqual([
			'parseMode',
			'plainTextFallback',
			'showCaptionAboveMedia',
			'messageEffectId',
			'longCaption',
		]);
	});

	it('has labels that fit the panel (26 characters at most)', () => {
		const long = properties
			.filter((p) => p.name === 'options')
			.flatMap((p) => p.options as INodeProperties[])
			.map((o) => o.displayName)
			.filter((label) => label.length > 26);
		expect([...new Set(long)]).toEqual([]);
	});

	it('shows reply-to and topic empty, not 0, and refuses what is not an ID before any request', async () => {
		const send = (options: Record<string, unknown>) =>
			runAction(defaultCredentials(emulator.baseUrl), {
				resource: 'message',
				operation: 'sendMessage',
				chatId: { __rl: true, mode: 'id', value: '1001' },
				text: 'x',
				options,
			});
		for (const name of ['replyToMessageId', 'messageThreadId']) {
			expect(optionsOf('sendMessage').find((o) => o.name === name)?.default).toBe('');
		}
		emulator.calls.length = 0;
		await send({ replyToMessageId: '', messageThreadId: '' });
		await send({ replyToMessageId: 0, messageThreadId: 0 }); // as saved by older workflows
		await send({ replyToMessageId: ' 42 ', messageThreadId: 7 });
		const bodies = emulator.callsOf('sendMessage').map((call) => call.params);
		expect(bodies[0].reply_parameters).toBeUndefined();
		expect(bodies[0].message_thread_id).toBeUndefined();
		expect(bodies[1].reply_parameters).toBeUndefined();
		expect(bodies[2]).toMatchObject({
			reply_parameters: { message_id: 42, allow_sending_without_reply: true },
			message_thread_id: 7,
		});
		emulator.calls.length = 0;
		const { error } = await send({ replyToMessageId: 'last one' });
		expect(error?.message).toBe(
			'Reply To Message ID must be a positive whole number, got "last one"',
		);
		expect(emulator.calls).toHaveLength(0);
	});
});
