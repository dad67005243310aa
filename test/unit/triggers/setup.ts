/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: waits for the emulator to see a call */
import type { Update } from '@grammyjs/types';

import type { BotApiEmulator } from '../../emulator/server';

/** What the trigger suites deliver: a group, a channel, Ada (who may) and Eve (who may not). */
export const group = {
	id: -1001234567890,
	type: 'supergroup' as const,
	title: 'Security Operations',
};
export const channel = {
	id: -1009876543210,
	type: 'channel' as const,
	title: 'Alerts',
	username: 'SecAlerts',
};
export const ada = { id: 1001, is_bot: false, first_name: 'Ada' };
export const eve = { id: 666, is_bot: false, first_name: 'Eve' };

let nextId = 70_000;
/** A new update ID for this test file: a delivery with an ID seen before would be a redelivery. */
export const nextUpdateId = () => nextId++;

/** A message from Ada in the group, as the webhook receives it (with its update ID). */
export function messageUpdate(text: string, extra: Record<string, unknown> = {}) {
	return {
		update_id: nextUpdateId(),
		message: { message_id: 1, date: 1_795_253_400, chat: group, from: ada, text, ...extra },
	};
}

/** The same message for the emulator's update queue, which numbers updates itself. */
export const queuedMessage = (text: string, extra: Record<string, unknown> = {}) =>
	({ message: messageUpdate(text, extra).message }) as unknown as Omit<Update, 'update_id'>;

/** Resolves when the emulator has received `count` calls of a method. */
export async function callsArrive(
	emulator: BotApiEmulator,
	method: string,
	count: number,
): Promise<void> {
	while (emulator.callsOf(method).length < count) await new Promise((r) => setTimeout(r, 5));
}
