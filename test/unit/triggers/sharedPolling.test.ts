/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: waits for the emulator to see a call */
import { afterEach, describe, expect, it } from 'vitest';

import type { Update } from '@grammyjs/types';

import { unionOfAllowedUpdates } from '../../../nodes/shared/updates/updateTypes';
import { defaultCredentials, emulatorPerFile, PollingTriggerUnderTest } from '../../harness';
import { ada, callsArrive, group } from './setup';

const emulator = emulatorPerFile({ selfHosted: true });
const active: PollingTriggerUnderTest[] = [];
afterEach(async () => {
	for (const poller of active.splice(0).reverse()) await poller.deactivate();
});

function command(text: string) {
	const length = text.split(' ')[0].length;
	return {
		message: {
			message_id: 1,
			date: 1_795_253_400,
			chat: group,
			from: ada,
			text,
			entities: [{ type: 'bot_command', offset: 0, length }],
		},
	} as unknown as Omit<Update, 'update_id'>;
}

const button = (data: string) =>
	({
		callback_query: {
			id: `cb-${data}`,
			from: ada,
			chat_instance: 'x',
			data,
			message: { message_id: 3, date: 1_795_253_400, chat: group, text: 'Approve?' },
		},
	}) as unknown as Omit<Update, 'update_id'>;

/** One workflow's polling trigger on the emulator's bot. */
async function workflow(
	updates: string[],
	options: Record<string, unknown> = {},
	mode: 'trigger' | 'manual' = 'trigger',
) {
	const poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
		updates,
		options: { pollTimeout: 5, ...options },
	} as never);
	await poller.activate(mode);
	active.push(poller);
	return poller;
}

const ids = (poller: PollingTriggerUnderTest) => poller.emitted.map(([item]) => item.json.updateId);

/** getUpdates answered 409 "terminated by other getUpdates request": two pollers on one bot. */
const conflicts = () => emulator.callsOf('getUpdates').filter((call) => call.status === 409).length;

describe('several polling workflows on one bot share one getUpdates stream', () => {
	it('each workflow gets exactly the updates its own filters let through, from one stream', async () => {
		const compliance = await workflow(['message'], { commands: '/compliance' });
		const risk = await workflow(['message'], { commands: 'risk' });
		const buttons = await workflow(['callback_query']);
		const everything = await workflow(['*'], { userIds: '1001' });

		const c1 = emulator.pushUpdate(command('/compliance soc2'));
		const r1 = emulator.pushUpdate(command('/risk vendor-7'));
		const b1 = emulator.pushUpdate(button('approve:42'));
		const other = emulator.pushUpdate(command('/status'));
		const c2 = emulator.pushUpdate(command('/compliance iso27001'));
		await Promise.all([compliance.until(2), risk.until(1), buttons.until(1), everything.until(5)]);

		expect(ids(compliance)).toEqual([c1.update_id, c2.update_id]);
		expect(ids(risk)).toEqual([r1.update_id]);
		expect(ids(buttons)).toEqual([b1.update_id]);
		expect(ids(everything)).toEqual([c1, r1, b1, other, c2].map((u) => u.update_id));
		expect(conflicts()).toBe(0);
		// One caller: no two getUpdates calls were ever held open at once.
		const calls = emulator.callsOf('getUpdates');
		expect(calls.filter((call) => call.status === 0 && !call.aborted).length).toBeLessThanOrEqual(
			1,
		);
		// The stream asks for the union of the subscribers' types ('*' is Telegram's default set).
		const asked = calls.at(-1)!.params.allowed_updates as string[];
		expect(asked).toEqual(unionOfAllowedUpdates([['message'], ['callback_query'], []]));
		expect(asked).toContain('callback_query');
		for (const poller of [compliance, risk, buttons, everything]) expect(poller.errors).toEqual([]);
	});

	it('asks Telegram for the union of the update types, at once when a subscriber widens it', async () => {
		expect(unionOfAllowedUpdates([[], []])).toEqual([]);
		expect(unionOfAllowedUpdates([['message'], ['chat_member']])).toEqual([
			'chat_member',
			'message',
		]);
		expect(unionOfAllowedUpdates([[], ['chat_member']])).toContain('chat_member');
		expect(unionOfAllowedUpdates([[], ['chat_member']])).toContain('message');

		await workflow(['message'], { pollTimeout: 30 });
		await callsArrive(emulator, 'getUpdates', 1);
		const started = Date.now();
		const reactions = await workflow(['message_reaction'], { pollTimeout: 30 });
		// The 30 s long poll asking only for messages is replaced, not waited out.
		const reaction = emulator.pushUpdate({
			message_reaction: {
				chat: group,
				message_id: 1,
				user: ada,
				date: 1_795_253_400,
				old_reaction: [],
				new_reaction: [{ type: 'emoji', emoji: '👍' }],
			},
		} as unknown as Omit<Update, 'update_id'>);
		await reactions.until(1);
		expect(Date.now() - started).toBeLessThan(5_000);
		expect(ids(reactions)).toEqual([reaction.update_id]);
		// callback_query with them: a press may answer a waiting Send and Wait.
		expect(emulator.callsOf('getUpdates').at(-1)!.params.allowed_updates).toEqual([
			'callback_query',
			'message',
			'message_reaction',
		]);
	});

	it('confirms an update only once every workflow it belongs to has it', async () => {
		const file = emulator.addFile(2048, 'documents/report.pdf', 'application/pdf');
		const plain = await workflow(['message']);
		const slow = await workflow(['message'], { downloadFiles: true });
		await callsArrive(emulator, 'getUpdates', 1);
		// The second workflow's download takes a while: the first one has the update long before.
		emulator.failNext('getFile', { delayMs: 700 });
		const update = emulator.pushUpdate({
			message: {
				message_id: 2,
				date: 1_795_253_400,
				chat: group,
				from: ada,
				document: { file_id: file.file_id, file_unique_id: file.file_unique_id, file_size: 2048 },
			},
		} as unknown as Omit<Update, 'update_id'>);
		await plain.until(1);
		const plainAt = Date.now();
		await slow.until(1);
		const slowAt = Date.now();
		await callsArrive(emulator, 'getUpdates', emulator.callsOf('getUpdates').length + 1);
		expect(slowAt - plainAt).toBeGreaterThan(300);
		const confirming = emulator
			.callsOf('getUpdates')
			.filter((call) => Number(call.params.offset) === update.update_id + 1);
		expect(confirming.length).toBeGreaterThan(0);
		expect(confirming[0].at).toBeGreaterThanOrEqual(slowAt - 5);
		expect(ids(plain)).toEqual([update.update_id]);
		expect(ids(slow)).toEqual([update.update_id]);
	});

	it('deactivating one workflow leaves the others running; the last one out stops the stream', async () => {
		const a = await workflow(['message'], { commands: 'compliance' });
		const b = await workflow(['message'], { commands: 'risk' });
		emulator.pushUpdate(command('/compliance one'));
		await a.until(1);
		await a.deactivate();
		active.splice(active.indexOf(a), 1);

		const r = emulator.pushUpdate(command('/risk two'));
		const c = emulator.pushUpdate(command('/compliance three'));
		await b.until(1);
		expect(ids(b)).toEqual([r.update_id]);
		expect(ids(a)).toHaveLength(1);

		// A workflow activated again joins the running stream and gets what is new.
		const again = await workflow(['message'], { commands: 'compliance' });
		const c2 = emulator.pushUpdate(command('/compliance four'));
		await again.until(1);
		// `c` was confirmed while nobody wanted it: a stream does not keep updates nobody subscribed to.
		expect(ids(again)).toEqual([c2.update_id]);
		expect(ids(again)).not.toContain(c.update_id);

		await b.deactivate();
		await again.deactivate();
		active.length = 0;
		const calls = emulator.callsOf('getUpdates').length;
		await new Promise((r) => setTimeout(r, 300));
		expect(emulator.callsOf('getUpdates').length).toBe(calls);
		expect(
			emulator.callsOf('getUpdates').filter((call) => call.status === 0 && !call.aborted),
		).toEqual([]);
		expect(conflicts()).toBe(0);
	});

	it('a test listen joins the stream, sees the next update and leaves it to production too', async () => {
		const production = await workflow(['message'], { commands: 'compliance' });
		await callsArrive(emulator, 'getUpdates', 1);
		const listen = await workflow(['message'], { commands: 'compliance' }, 'manual');
		const first = emulator.pushUpdate(command('/compliance test'));
		await listen.until(1);
		await production.until(1);
		await listen.deactivate();
		active.splice(active.indexOf(listen), 1);
		expect(ids(listen)).toEqual([first.update_id]);
		expect(ids(production)).toEqual([first.update_id]);

		const second = emulator.pushUpdate(command('/compliance after'));
		await production.until(2);
		expect(ids(production)).toEqual([first.update_id, second.update_id]);
		expect(ids(listen)).toEqual([first.update_id]);
		expect(conflicts()).toBe(0);
	});

	it("at n8n's start the first poll waits for the other workflows, so a backlog reaches each", async () => {
		const c = emulator.pushUpdate(command('/compliance queued while n8n was down'));
		const r = emulator.pushUpdate(command('/risk queued too'));
		const first = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['message'],
			options: { pollTimeout: 5, commands: 'compliance' },
		} as never);
		await first.activate('trigger', 'init');
		active.push(first);
		// n8n activates the next workflow a moment later (one at a time at start).
		await new Promise((resolve) => setTimeout(resolve, 1_000));
		expect(emulator.callsOf('getUpdates')).toEqual([]);
		const second = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['message'],
			options: { pollTimeout: 5, commands: 'risk' },
		} as never);
		await second.activate('trigger', 'init');
		active.push(second);
		await Promise.all([first.until(1), second.until(1)]);
		expect(ids(first)).toEqual([c.update_id]);
		expect(ids(second)).toEqual([r.update_id]);
	}, 15_000);

	it('a failure no wait can mend reaches every workflow on the stream', async () => {
		const a = await workflow(['message'], { commands: 'compliance' });
		const b = await workflow(['message'], { commands: 'risk' });
		await callsArrive(emulator, 'getUpdates', 1);
		emulator.failNext('getUpdates', { status: 401, description: 'Unauthorized' });
		emulator.pushUpdate(command('/status'));
		await Promise.all([a.until(1), b.until(1)]);
		expect(a.errors.map((e) => e.message)).toEqual([expect.stringMatching(/401/)]);
		expect(b.errors.map((e) => e.message)).toEqual([expect.stringMatching(/401/)]);
	});
});
