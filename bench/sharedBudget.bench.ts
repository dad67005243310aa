/* eslint-disable no-console -- a benchmark prints its figures */
import { afterEach, expect, it } from 'vitest';

import { defaultCredentials, runAction, type TestCredentials } from '../test/harness';
import {
	CEILING_PER_SECOND,
	emulatorWith,
	fanOut,
	SCALE,
	SCALED_LIMITS,
	stopEmulator,
	timed,
	warmUp,
	WARM_UP_MESSAGES,
} from './emulated';

afterEach(stopEmulator);

const CHATS = Array.from({ length: 50 }, (_, i) => 7000 + i);

/** 500 messages to 50 chats, ten per chat, as one scheduled fan-out builds them. */
const fanOutInput = (run: string) =>
	CHATS.flatMap((chat) =>
		Array.from({ length: 10 }, (_, i) => ({ chat, text: `${run}: notice ${i + 1} for ${chat}` })),
	);

/**
 * Two executions on one bot started together, under the emulator's enforced limits. `separate`
 * gives each its own budget, as the engine did before budgets were shared per bot: the second
 * execution reaches the same emulator and bot through another spelling of its address (127.1 is
 * 127.0.0.1), which the engine's per-bot key tells apart.
 */
async function twoFanOuts(separate: boolean) {
	const emulator = await emulatorWith({ limits: { timeScale: SCALE }, latencyMs: 20 }, CHATS);
	const credentials: TestCredentials[] = [
		defaultCredentials(emulator.baseUrl),
		defaultCredentials(
			separate ? emulator.baseUrl.replace('127.0.0.1', '127.1') : emulator.baseUrl,
		),
	];
	const inputs = ['A', 'B'].map(fanOutInput);
	const run = await timed(
		async () =>
			await Promise.all(
				inputs.map(
					async (input, i) =>
						await runAction(credentials[i], fanOut(SCALED_LIMITS), input, {
							continueOnFail: true,
						}),
				),
			),
	);
	const messages = inputs.flat().length;
	const failed = run.value.reduce(
		(sum, { items }, i) =>
			sum + items.filter((item) => item.json.error).length + (inputs[i].length - items.length),
		0,
	);
	const sends = (await emulator.callsOf('sendMessage')).filter((call) => call.status === 200);
	const window = (sends.at(-1)!.at - sends[0].at) / 1000;
	return {
		messages,
		failed,
		seconds: run.seconds,
		refusals: await emulator.floodRefusals(),
		// The whole run counts, both executions' parameter reading included.
		fraction: (messages - failed) / run.seconds / CEILING_PER_SECOND,
		windowFraction: (sends.length - 1) / window / CEILING_PER_SECOND,
	};
}

/** P6: two fan-outs of 500 messages to 50 chats each, started together on one bot. */
it('P6 two executions on one bot share its budget', async () => {
	await warmUp();
	const shared = await twoFanOuts(false);
	const separate = await twoFanOuts(true);
	console.log(
		`BENCH P6 executions=2 messages=${shared.messages} chats=${CHATS.length} failed=${shared.failed} flood_refusals=${shared.refusals} fraction_of_ceiling=${shared.fraction.toFixed(3)} send_window_fraction=${shared.windowFraction.toFixed(3)} seconds=${shared.seconds.toFixed(2)} per_execution_flood_refusals=${separate.refusals} per_execution_failed=${separate.failed} per_execution_fraction=${separate.fraction.toFixed(3)} per_execution_seconds=${separate.seconds.toFixed(2)} target_fraction=0.95 time_scale=${SCALE} warm_up_messages=${WARM_UP_MESSAGES}`,
	);
	expect(shared.failed).toBe(0);
	expect(shared.refusals).toBe(0);
});
