/* eslint-disable no-console -- a benchmark prints its figures */
import { afterEach, expect, it } from 'vitest';
import { request } from 'undici';

import { DEFAULT_TOKEN } from '../test/emulator/server';
import { defaultCredentials, runAction } from '../test/harness';
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

/** n8n's built-in behaviour: one item after the other, a 429 is a failed item. */
async function oneAtATime(baseUrl: string, input: Array<{ chat: number; text: string }>) {
	let failed = 0;
	const started = performance.now();
	for (const { chat, text } of input) {
		const response = await request(`${baseUrl}/bot${DEFAULT_TOKEN}/sendMessage`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ chat_id: chat, text }),
		});
		await response.body.text();
		if (response.statusCode !== 200) failed++;
	}
	return { failed, seconds: (performance.now() - started) / 1000 };
}

/** P1: 1,000 messages to 100 chats (60 private, 40 groups), ten per chat in a row as a digest builds them. */
it('P1 bulk under the flood limits', async () => {
	const chats = [
		...Array.from({ length: 60 }, (_, i) => 3000 + i),
		...Array.from({ length: 40 }, (_, i) => -1003000000000 - i),
	];
	const input = chats.flatMap((chat) =>
		Array.from({ length: 10 }, (_, i) => ({ chat, text: `Digest for ${chat}, line ${i + 1}` })),
	);
	const options = { limits: { timeScale: SCALE }, latencyMs: 20 };

	await warmUp();
	const engine = await emulatorWith(options, chats);
	const startedAt = Date.now();
	const run = await timed(
		async () =>
			await runAction(defaultCredentials(engine.baseUrl), fanOut(SCALED_LIMITS), input, {
				continueOnFail: true,
			}),
	);
	const failed =
		run.value.items.filter((item) => item.json.error).length +
		(input.length - run.value.items.length);
	const fraction = input.length / run.seconds / CEILING_PER_SECOND;
	const refusals = await engine.floodRefusals();
	const sends = await engine.callsOf('sendMessage');
	// The node's whole run counts, including reading 1,000 items' parameters before the first send.
	const leadIn = (sends[0].at - startedAt) / 1000;
	const sendWindow = (sends.at(-1)!.at - sends[0].at) / 1000;

	const baselineServer = await emulatorWith(options, chats);
	const baseline = await oneAtATime(baselineServer.baseUrl, input);
	const baselineFraction = (input.length - baseline.failed) / baseline.seconds / CEILING_PER_SECOND;

	console.log(
		`BENCH P1 messages=${input.length} chats=${chats.length} failed=${failed} fraction_of_ceiling=${fraction.toFixed(3)} seconds=${run.seconds.toFixed(2)} lead_in_seconds=${leadIn.toFixed(2)} send_window_fraction=${((sends.length - 1) / sendWindow / CEILING_PER_SECOND).toFixed(3)} flood_refusals=${refusals} baseline_failed=${baseline.failed} baseline_fraction=${baselineFraction.toFixed(3)} baseline_seconds=${baseline.seconds.toFixed(2)} time_scale=${SCALE} warm_up_messages=${WARM_UP_MESSAGES}`,
	);
	expect(failed).toBe(0);
});

/** P2: 200 messages to 200 chats, 100 ms round trip, limits out of the way (paid broadcast). */
it('P2 latency-bound fan-out', async () => {
	const chats = Array.from({ length: 200 }, (_, i) => 5000 + i);
	const input = chats.map((chat) => ({ chat, text: `Notice for ${chat}` }));
	const options = { latencyMs: 100 };

	const server = await emulatorWith(options, chats);
	const run = await timed(
		async () =>
			await runAction(
				defaultCredentials(server.baseUrl),
				fanOut({
					messagesPerSecond: 1000,
					messagesPerChatPerSecond: 1,
					messagesPerGroupPerMinute: 20,
				}),
				input,
			),
	);
	const sequential = await oneAtATime(server.baseUrl, input);
	const speedup = sequential.seconds / run.seconds;
	const failed = run.value.error
		? input.length
		: run.value.items.filter((item) => item.json.error).length;
	console.log(
		`BENCH P2 messages=${input.length} rtt_ms=100 seconds=${run.seconds.toFixed(2)} sequential_seconds=${sequential.seconds.toFixed(2)} speedup=${speedup.toFixed(1)} target=5 failed=${failed}`,
	);
	expect(failed).toBe(0);
});
