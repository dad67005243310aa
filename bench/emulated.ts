import type { EmulatorOptions } from '../test/emulator/server';
import { RemoteEmulator } from './remoteEmulator';

/** Emulated time runs this much faster than the real clock, so 1,000 messages take seconds. */
export const SCALE = 5;
/** Telegram's limits on the emulator's clock, given to the node as its rate-limit options. */
export const SCALED_LIMITS = {
	messagesPerSecond: 30 * SCALE,
	messagesPerChatPerSecond: 1 * SCALE,
	messagesPerGroupPerMinute: 20 * SCALE,
};
export const CEILING_PER_SECOND = 30 * SCALE;

let current: RemoteEmulator | undefined;

/**
 * A fresh emulator in its own process (Telegram is another machine), knowing `chats` (negative
 * IDs are supergroups); the previous one is stopped.
 */
export async function emulatorWith(
	options: EmulatorOptions,
	chats: number[],
): Promise<RemoteEmulator> {
	await stopEmulator();
	current = await RemoteEmulator.start(options, chats);
	return current;
}

export async function stopEmulator(): Promise<void> {
	await current?.stop();
	current = undefined;
}

/** Send Message with its chat and text from each item, as a notification fan-out builds them. */
export const fanOut = (options: Record<string, unknown>) => ({
	resource: 'message',
	operation: 'sendMessage',
	chatId: { __rl: true, mode: 'id', value: '={{ $json.chat }}' },
	text: '={{ $json.text }}',
	options,
});

export async function timed<T>(work: () => Promise<T>): Promise<{ value: T; seconds: number }> {
	const started = performance.now();
	const value = await work();
	return { value, seconds: (performance.now() - started) / 1000 };
}
