import { expect } from 'vitest';

import type { BotApiEmulator } from './emulator/server';
import { defaultCredentials, runAction } from './harness';
import { tokenLeaks } from './leaks';

/** Rate limits out of the way: a suite about requests should not wait for the pacer. */
export const FAST = {
	messagesPerSecond: 1000,
	messagesPerChatPerSecond: 100,
	messagesPerGroupPerMinute: 6000,
};
export const GROUP = '-1001234567890';
export const chat = (value: string | number = GROUP) => ({
	__rl: true,
	mode: 'id',
	value: String(value),
});

/** Runs the action node against the emulator with its call record cleared, and checks no output carries the token. */
export function actionRunner(emulator: BotApiEmulator) {
	return async (
		parameters: Record<string, unknown>,
		input: Array<Record<string, unknown>> = [{}],
	) => {
		emulator.calls.length = 0;
		const result = await runAction(defaultCredentials(emulator.baseUrl), parameters, input);
		expect(tokenLeaks(result)).toEqual([]);
		return result;
	};
}
