import { afterEach, expect, it } from 'vitest';

import { findOperation } from '../../../nodes/TelegramBot/actions';
import { actionRunner, chat, FAST } from '../../actionRun';
import { BotApiEmulator } from '../../emulator/server';

const pdf = { text: '%PDF-1.7 evidence', fileName: 'evidence.pdf', mimeType: 'application/pdf' };

/** The emulator's forum supergroup, with topic 7 in it. */
export const FORUM = -1005550001;

const started: BotApiEmulator[] = [];
afterEach(async () => {
	for (const emulator of started.splice(0)) await emulator.stop();
});

/**
 * The group as the operations' examples expect it: messages 1-5 are texts the bot sent (the
 * emulator seeds the rest: an earlier poll and photo, forum topic 7, join requests, the group
 * photo, a promoted administrator, an invite link, an inline message).
 */
export async function freshRun(): Promise<{
	emulator: BotApiEmulator;
	run: ReturnType<typeof actionRunner>;
}> {
	const emulator = new BotApiEmulator();
	started.push(emulator);
	await emulator.start();
	const run = actionRunner(emulator);
	for (let n = 1; n <= 5; n++)
		await run({
			resource: 'message',
			operation: 'sendMessage',
			chatId: chat(),
			text: `Alert ${n}`,
			options: FAST,
		});
	emulator.calls.length = 0;
	return { emulator, run };
}

/**
 * Each operation run with its example against a freshly seeded emulator: Telegram accepts it, the
 * request carries what the example says it sends, and an item comes out.
 */
export function itRunsItsExample(resource: string, operations: string[]): void {
	it.each(operations)(
		`${resource}.%s: its example succeeds against the emulator`,
		async (operation) => {
			const entry = findOperation(resource, operation);
			expect(entry, `${resource}.${operation} is in the resource map`).toBeDefined();
			const { emulator, run } = await freshRun();
			const { parameters, binary, sends } = entry!.example;
			const { items, error } = await run({ resource, operation, ...parameters }, [
				binary ? { $binary: { report: pdf } } : {},
			]);
			expect(error).toBeUndefined();
			expect(items.length).toBeGreaterThan(0);
			const calls = emulator.callsOf(entry!.method);
			expect(calls).toHaveLength(1);
			expect(calls[0].status).toBe(200);
			if (sends) expect(calls[0].params).toEqual(sends);
		},
	);
}
