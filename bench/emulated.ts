import type { EmulatorOptions } from '../test/emulator/server';
import { defaultCredentials, runAction } from '../test/harness';
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

/** Messages a warm-up sends before a figure is measured. */
export const WARM_UP_MESSAGES = 1000;

/**
 * A fan-out of WARM_UP_MESSAGES to as many chats before measuring, as an n8n that has run for a
 * while has done: n8n-core's request path, axios and Node's HTTP client compiled by V8 and their
 * modules loaded (the first request of a fresh process alone takes about 0.1 s). Paid broadcast,
 * so the warm-up takes about a second. Its own emulator, stopped by the next `emulatorWith`.
 */
export async function warmUp(): Promise<void> {
	const chats = Array.from({ length: WARM_UP_MESSAGES }, (_, i) => 900_000 + i);
	const emulator = await emulatorWith({ limits: {}, latencyMs: 20 }, chats);
	const input = chats.map((chat) => ({ chat, text: `Warm-up for ${chat}` }));
	await runAction(
		defaultCredentials(emulator.baseUrl),
		fanOut({ allowPaidBroadcast: true }),
		input,
		{
			continueOnFail: true,
		},
	);
}
