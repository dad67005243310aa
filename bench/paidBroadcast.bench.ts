/* eslint-disable no-console, @n8n/community-nodes/no-restricted-globals -- a benchmark prints its figures and reads its size from the environment */
import { afterEach, expect, it } from 'vitest';

import { actionContext, defaultCredentials, runAction } from '../test/harness';
import { emulatorWith, fanOut, stopEmulator, timed, warmUp, WARM_UP_MESSAGES } from './emulated';

afterEach(stopEmulator);

const PAID_CEILING = 1000;
const FREE_CEILING = 30;
/** The paid broadcast's size: 10,000 unless `P7_MESSAGES` asks for a smaller smoke run. */
const PAID_MESSAGES = Number(process.env.P7_MESSAGES ?? 10_000);

/** One message to each of `count` chats, on Telegram's real clock (no time scale), 20 ms round trip. */
async function broadcast(count: number, firstChat: number, paid: boolean) {
	const chats = Array.from({ length: count }, (_, i) => firstChat + i);
	const emulator = await emulatorWith({ limits: {}, latencyMs: 20 }, chats);
	const input = chats.map((chat) => ({ chat, text: `Policy update for ${chat}` }));
	const startedAt = Date.now();
	const elu = performance.eventLoopUtilization();
	const run = await timed(
		async () =>
			await runAction(
				defaultCredentials(emulator.baseUrl),
				fanOut({ allowPaidBroadcast: paid }),
				input,
				{ continueOnFail: true },
			),
	);
	const busy = performance.eventLoopUtilization(elu).utilization;
	const failed =
		run.value.items.filter((item) => item.json.error).length +
		(input.length - run.value.items.length);
	const sends = (await emulator.callsOf('sendMessage', ['allow_paid_broadcast'])).filter(
		(call) => call.status === 200,
	);
	const window = (sends.at(-1)!.at - sends[0].at) / 1000;
	const leadIn = (sends[0].at - startedAt) / 1000;
	const tail = (startedAt + run.seconds * 1000 - sends.at(-1)!.at) / 1000;
	return {
		count,
		failed,
		refusals: await emulator.floodRefusals(),
		seconds: run.seconds,
		rate: (count - failed) / run.seconds,
		windowRate: (sends.length - 1) / window,
		leadIn,
		tail,
		busy,
		paidFlags: sends.filter((call) => call.params.allow_paid_broadcast === true).length,
	};
}

/**
 * What n8n's own request helper (`httpRequestWithAuthentication`, which every request of the
 * node goes through) carries at most in this process on this machine: `count` sendMessage calls,
 * 50 at a time, no pacing, no item reading. The node's fraction of the paid ceiling is bounded
 * by this fraction.
 */
async function requestHelperCeiling(count: number): Promise<number> {
	const chats = Array.from({ length: count }, (_, i) => 400_000 + i);
	const emulator = await emulatorWith({ limits: {}, latencyMs: 20 }, chats);
	const ctx = actionContext({ resource: 'message', operation: 'sendMessage' }, [{}]);
	ctx.getCredentials = async <T>() => defaultCredentials(emulator.baseUrl) as unknown as T;
	let next = 0;
	const sender = async () => {
		while (next < count) {
			const chat = chats[next++];
			await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'telegramBotApi', {
				method: 'POST',
				url: 'sendMessage',
				body: { chat_id: chat, text: `Policy update for ${chat}`, allow_paid_broadcast: true },
				json: true,
				disableFollowRedirect: true,
			});
		}
	};
	const run = await timed(async () => await Promise.all(Array.from({ length: 50 }, sender)));
	return count / run.seconds;
}

/** P7: 10,000 messages to 10,000 chats with paid broadcast, beside the free limit in the same run. */
it('P7 paid broadcast under the paid ceiling', async () => {
	await warmUp();
	const paid = await broadcast(PAID_MESSAGES, 100_000, true);
	// 300 messages are ten seconds at the free ceiling: enough to measure its rate.
	const free = await broadcast(300, 200_000, false);
	// The better of two runs: the machine's noise only ever lowers it.
	const helperCeiling = Math.max(
		await requestHelperCeiling(5000),
		await requestHelperCeiling(5000),
	);
	console.log(
		`BENCH P7 messages=${paid.count} chats=${paid.count} failed=${paid.failed} flood_refusals=${paid.refusals} fraction_of_paid_ceiling=${(paid.rate / PAID_CEILING).toFixed(3)} send_window_fraction=${(paid.windowRate / PAID_CEILING).toFixed(3)} seconds=${paid.seconds.toFixed(2)} lead_in_seconds=${paid.leadIn.toFixed(2)} tail_seconds=${paid.tail.toFixed(2)} messages_per_second=${paid.rate.toFixed(0)} free_messages=${free.count} free_failed=${free.failed} free_flood_refusals=${free.refusals} free_fraction_of_ceiling=${(free.rate / FREE_CEILING).toFixed(3)} free_messages_per_second=${free.rate.toFixed(1)} speedup=${(paid.rate / free.rate).toFixed(1)} target_fraction=0.9 rtt_ms=20 warm_up_messages=${WARM_UP_MESSAGES} event_loop_busy=${paid.busy.toFixed(3)} n8n_request_helper_fraction_of_paid_ceiling=${(helperCeiling / PAID_CEILING).toFixed(3)} fraction_of_request_helper_ceiling=${(paid.rate / helperCeiling).toFixed(3)}`,
	);
	expect(paid.paidFlags).toBe(paid.count - paid.failed);
	expect(paid.failed).toBe(0);
	expect(free.failed).toBe(0);
});
