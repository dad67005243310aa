import { afterEach, describe, expect, it } from 'vitest';

import type { Update } from '@grammyjs/types';

import {
	defaultCredentials,
	emulatorPerFile,
	PollingTriggerUnderTest,
	TriggerUnderTest,
} from '../../harness';

/**
 * The update types of today's Bot API in both triggers: reactions (only sent when asked for by
 * name) and business updates, each as an item with its chat, date and person where it has them.
 */

const emulator = emulatorPerFile({ selfHosted: true });
let webhook: TriggerUnderTest | undefined;
let poller: PollingTriggerUnderTest | undefined;
afterEach(async () => {
	await webhook?.close();
	await poller?.deactivate();
	webhook = poller = undefined;
});

const group = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' };
const channel = { id: -1009876543210, type: 'channel', title: 'Alerts' };
const ada = { id: 1001, is_bot: false, first_name: 'Ada', last_name: 'Lovelace' };
const DATE = 1_795_253_400;
const ISO = new Date(DATE * 1000).toISOString();

/** One update of each new type, and the item fields the trigger should make of it. */
const CASES: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
	[
		'message_reaction',
		{
			chat: group,
			message_id: 5,
			user: ada,
			date: DATE,
			old_reaction: [],
			new_reaction: [{ type: 'emoji', emoji: '👍' }],
		},
		{ chatId: group.id, chatTitle: 'Security Operations', date: ISO, text: null },
	],
	[
		'message_reaction_count',
		{
			chat: channel,
			message_id: 9,
			date: DATE,
			reactions: [{ type: { type: 'emoji', emoji: '🔥' }, total_count: 3 }],
		},
		{ chatId: channel.id, chatTitle: 'Alerts', date: ISO },
	],
	[
		'business_connection',
		{ id: 'biz-1', user: ada, user_chat_id: 1001, date: DATE, is_enabled: true },
		{ chatId: 1001, chatTitle: 'Ada Lovelace', date: ISO },
	],
	[
		'business_message',
		{
			business_connection_id: 'biz-1',
			message_id: 3,
			date: DATE,
			chat: { id: 2002, type: 'private', first_name: 'Customer' },
			from: { id: 2002, is_bot: false, first_name: 'Customer' },
			text: 'Is my account locked?',
		},
		{ chatId: 2002, chatTitle: 'Customer', date: ISO, text: 'Is my account locked?' },
	],
	[
		'deleted_business_messages',
		{
			business_connection_id: 'biz-1',
			chat: { id: 2002, type: 'private', first_name: 'Customer' },
			message_ids: [3, 4],
		},
		{ chatId: 2002, chatTitle: 'Customer', date: null },
	],
];

describe('update types of today’s Bot API', () => {
	it.each(CASES)(
		'webhook trigger: %s becomes an item with its chat and date',
		async (type, payload, fields) => {
			webhook = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
				updates: [type],
				options: {},
			} as never);
			await webhook.listen();
			await webhook.activate();
			// Reactions come only when asked for by name: the registration must list the type (with the
			// presses and replies a Send and Wait request may be waiting for).
			expect(emulator.bot().webhook.allowed_updates).toEqual([type, 'callback_query', 'message']);
			const update = { update_id: 900_000, [type]: payload };
			expect((await emulator.deliver(update)).status).toBe(200);
			expect(webhook.emitted).toHaveLength(1);
			const [[item]] = webhook.emitted;
			expect(item.json).toMatchObject({ updateId: 900_000, updateType: type, ...fields, update });
		},
	);

	it('polling trigger: asks getUpdates for reactions by name and emits them like the webhook trigger', async () => {
		const [, payload, fields] = CASES[0];
		poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['message', 'message_reaction'],
			options: { pollTimeout: 5 },
		} as never);
		await poller.activate();
		emulator.pushUpdate({ message_reaction: payload } as unknown as Omit<Update, 'update_id'>);
		await poller.until(1);
		const polls = emulator.callsOf('getUpdates');
		expect(
			polls.some(
				(call) =>
					JSON.stringify([...((call.params.allowed_updates as string[]) ?? [])].sort()) ===
					'["callback_query","message","message_reaction"]',
			),
		).toBe(true);
		expect(poller.emitted[0][0].json).toMatchObject({ updateType: 'message_reaction', ...fields });
	});
});
