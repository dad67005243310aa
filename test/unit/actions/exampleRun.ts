import { afterEach } from 'vitest';

import { EXAMPLE_URL } from '../../../nodes/TelegramBot/actions/examples';
import { actionRunner, chat, FAST } from '../../actionRun';
import { BotApiEmulator } from '../../emulator/server';

/** The emulator's forum supergroup, with topic 7 in it. */
export const FORUM = -1005550001;

const started: BotApiEmulator[] = [];
afterEach(async () => {
	for (const emulator of started.splice(0)) await emulator.stop();
});

/**
 * A fresh emulator in the state the operations' examples refer to (as test/unit/operations.test.ts
 * seeds it): texts 1–5 and photo 6 in the group, besides what the emulator seeds itself (an
 * earlier poll, forums and topics, join requests, the group photo, a promoted administrator, an
 * invite link, an inline message). For tests whose operations change that state.
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
	await run({
		resource: 'message',
		operation: 'sendPhoto',
		chatId: chat(),
		source: 'reference',
		file: EXAMPLE_URL,
		options: FAST,
	});
	emulator.calls.length = 0;
	return { emulator, run };
}
