/* eslint-disable no-console -- a benchmark prints its figures */
import type { Update } from '@grammyjs/types';
import { sleep } from 'n8n-workflow';
import { afterEach, expect, it } from 'vitest';

import { BotApiEmulator } from '../test/emulator/server';
import { defaultCredentials, PollingTriggerUnderTest } from '../test/harness';
import { timed } from './emulated';

const WORKFLOWS = 10;
const UPDATES = 1_000;
/** Updates arrive in bursts, as a busy bot's do: a full getUpdates answer (100) at a time, so the call counts compare like with like. */
const BURST = 100;
const BURST_GAP_MS = 100;
/** The round trip to Telegram every getUpdates call pays. */
const RTT_MS = 20;

const chat = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' };
const ada = { id: 1001, is_bot: false, first_name: 'Ada' };

/** In the benchmark's process, unlike the send benchmarks' (bench/emulated.ts): it pushes the updates as they arrive. */
let emulator: BotApiEmulator | undefined;
let pollers: PollingTriggerUnderTest[] = [];
afterEach(async () => {
	for (const poller of pollers) await poller.deactivate();
	pollers = [];
	await emulator?.stop();
	emulator = undefined;
});

/** `/w3 …` is workflow 3's command; every tenth update is for nobody in particular but workflow 0, which takes all. */
function commandUpdate(i: number): Omit<Update, 'update_id'> {
	const name = `/w${i % WORKFLOWS}`;
	return {
		message: {
			message_id: i + 1,
			date: 1_795_253_400,
			chat,
			from: ada,
			text: `${name} alert #${i}`,
			entities: [{ type: 'bot_command', offset: 0, length: name.length }],
		},
	} as unknown as Omit<Update, 'update_id'>;
}

/** Activates the workflows, pushes the updates in bursts, waits until each has what it wants. */
async function run(commands: Array<string | undefined>) {
	await emulator?.stop();
	emulator = new BotApiEmulator({ latencyMs: RTT_MS });
	await emulator.start();
	pollers = commands.map(
		(command) =>
			new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
				updates: ['message'],
				options: { pollTimeout: 1, ...(command ? { commands: command } : {}) },
			} as never),
	);
	for (const poller of pollers) await poller.activate();
	const { value: pushed, seconds } = await timed(async () => {
		const pushed: Update[] = [];
		for (let i = 0; i < UPDATES; i++) {
			pushed.push(emulator.pushUpdate(commandUpdate(i)));
			if ((i + 1) % BURST === 0) await sleep(BURST_GAP_MS);
		}
		const wanted = commands.map((command) => (command ? UPDATES / WORKFLOWS : UPDATES));
		await Promise.all(pollers.map((poller, i) => poller.until(wanted[i])));
		return pushed;
	});
	let lost = 0;
	let duplicated = 0;
	commands.forEach((command, w) => {
		const ids = pollers[w].emitted.map(([item]) => item.json.updateId as number);
		const wanted = pushed
			.filter((_, i) => !command || i % WORKFLOWS === w)
			.map((update) => update.update_id);
		duplicated += ids.length - new Set(ids).size;
		lost += wanted.filter((id) => !ids.includes(id)).length;
		// Exactly its own: nothing another workflow's filter was for.
		lost += ids.filter((id) => !wanted.includes(id)).length;
	});
	const calls = emulator.callsOf('getUpdates');
	const conflicts = calls.filter((call) => call.status === 409).length;
	for (const poller of pollers) await poller.deactivate();
	pollers = [];
	return { polls: calls.length, conflicts, lost, duplicated, seconds };
}

it('P8: 10 polling workflows on one bot share one getUpdates stream: 1,000 updates, none lost or repeated', async () => {
	// The reference: one poller alone receiving the same updates at the same pace.
	const alone = await run([undefined]);
	// Workflow 0 takes every message, workflows 1–9 only their own command.
	const shared = await run(
		Array.from({ length: WORKFLOWS }, (_, w) => (w === 0 ? undefined : `/w${w}`)),
	);
	const ratio = shared.polls / alone.polls;
	console.log(
		`BENCH P8 workflows=${WORKFLOWS} updates=${UPDATES} lost=${shared.lost} duplicated=${shared.duplicated} get_updates_calls=${shared.polls} one_poller_calls=${alone.polls} calls_ratio=${ratio.toFixed(2)} conflicts_409=${shared.conflicts} seconds=${shared.seconds.toFixed(2)} one_poller_seconds=${alone.seconds.toFixed(2)} rtt_ms=${RTT_MS} burst=${BURST}/${BURST_GAP_MS}ms`,
	);
	expect(shared.lost).toBe(0);
	expect(shared.duplicated).toBe(0);
	expect(shared.conflicts).toBe(0);
	expect(shared.polls).toBeLessThanOrEqual(alone.polls);
	expect(alone.lost + alone.duplicated).toBe(0);
});
