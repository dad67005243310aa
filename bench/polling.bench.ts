/* eslint-disable no-console -- a benchmark prints its figures */
import type { Update } from '@grammyjs/types';
import { afterEach, expect, it } from 'vitest';

import { BotApiEmulator } from '../test/emulator/server';
import { defaultCredentials, PollingTriggerUnderTest } from '../test/harness';

const UPDATES = 10_000;
/** The round trip to Telegram every getUpdates call pays. */
const RTT_MS = 20;
/** Telegram hands out at most 100 updates per getUpdates call. */
const PER_CALL = 100;

let emulator: BotApiEmulator | undefined;
let poller: PollingTriggerUnderTest | undefined;
afterEach(async () => {
	await poller?.deactivate();
	await emulator?.stop();
});

it('P5: drains a backlog of 10,000 updates, in order, each once', async () => {
	emulator = new BotApiEmulator({ latencyMs: RTT_MS });
	await emulator.start();
	const chat = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' };
	const pushed = Array.from({ length: UPDATES }, (_, i) =>
		emulator!.pushUpdate({
			message: { message_id: i + 1, date: 1_795_253_400, chat, text: `alert #${i}` },
		} as unknown as Omit<Update, 'update_id'>),
	);

	poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
		updates: ['message'],
		options: { pollTimeout: 1 },
	} as never);
	const started = performance.now();
	await poller.activate();
	await poller.until(UPDATES);
	const seconds = (performance.now() - started) / 1000;
	await poller.deactivate();

	const ids = poller.emitted.map(([item]) => item.json.updateId as number);
	const duplicates = ids.length - new Set(ids).size;
	const lost = pushed.filter((u) => !ids.includes(u.update_id)).length;
	const inOrder = ids.every((id, i) => i === 0 || id > ids[i - 1]);
	const polls = emulator.callsOf('getUpdates').length;
	const calls = emulator.calls.length;
	const minimumPolls = Math.ceil(UPDATES / PER_CALL);
	// The floor: every needed poll pays one round trip, nothing else costs time.
	const floorSeconds = (minimumPolls * RTT_MS) / 1000;
	console.log(
		`BENCH P5 updates=${UPDATES} duplicates=${duplicates} lost=${lost} in_order=${inOrder} calls=${calls} polls=${polls} minimum_polls=${minimumPolls} seconds=${seconds.toFixed(2)} rtt_ms=${RTT_MS} floor_seconds=${floorSeconds.toFixed(2)} floor_ratio=${(floorSeconds / seconds).toFixed(2)} updates_per_second=${Math.round(UPDATES / seconds)}`,
	);
	expect(duplicates).toBe(0);
	expect(lost).toBe(0);
	expect(inOrder).toBe(true);
	expect(emulator.bot().updates).toEqual([]);
});
