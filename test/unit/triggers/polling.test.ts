/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: waits for the emulator to see a call */
import { afterEach, describe, expect, it } from 'vitest';

import type { Update } from '@grammyjs/types';

import {
	credentialReadsSoFar,
	defaultCredentials,
	emulatorPerFile,
	PollingTriggerUnderTest,
	TriggerUnderTest,
} from '../../harness';
import { tokenLeaks } from '../../leaks';
import { ada, callsArrive, group, queuedMessage } from './setup';

const emulator = emulatorPerFile({ selfHosted: true });
let poller: PollingTriggerUnderTest | undefined;
afterEach(async () => {
	await poller?.deactivate();
	poller = undefined;
});

async function polling(parameters: Record<string, unknown> = {}, mode?: 'trigger' | 'manual') {
	poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
		updates: ['*'],
		...parameters,
		options: { pollTimeout: 5, ...((parameters.options as object) ?? {}) },
	} as never);
	await poller.activate(mode);
	return poller;
}

/** Resolves when the emulator has received `count` calls of a method. */

const updateIds = (items: Array<Array<{ json: Record<string, unknown> }>>) =>
	items.map(([item]) => item.json.updateId);

describe('polling trigger', () => {
	it('emits the same items as the webhook trigger, one execution per update', async () => {
		const bodies = [
			queuedMessage('Suspicious login from 203.0.113.7'),
			queuedMessage('/compliance soc2', {
				entities: [{ type: 'bot_command', offset: 0, length: 11 }],
			}),
			{
				callback_query: {
					id: 'cb1',
					from: ada,
					chat_instance: 'x',
					data: 'approve:42',
					message: { message_id: 3, date: 1_795_253_400, chat: group, text: 'Approve?' },
				},
			} as unknown as Omit<Update, 'update_id'>,
		];
		const updates = bodies.map((body) => emulator.pushUpdate(body));
		await polling();
		await poller!.until(3);

		const webhook = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		await webhook.listen();
		await webhook.activate();
		for (const update of updates) await emulator.deliver(update);
		await webhook.deactivate();
		await webhook.close();

		expect(poller!.emitted).toHaveLength(3);
		expect(poller!.emitted).toEqual(webhook.emitted);
		expect(poller!.emitted[1][0].json).toMatchObject({
			command: 'compliance',
			commandArgs: ['soc2'],
		});
	});

	it('asks n8n for the credential at each request, so a token changed in n8n reaches a running trigger', async () => {
		// Unlike an execution, a trigger's context lives as long as its activation.
		emulator.pushUpdate(queuedMessage('first'));
		const before = credentialReadsSoFar();
		const pollsBefore = emulator.callsOf('getUpdates').length;
		await polling({ updates: ['message'] });
		await poller!.until(1);
		emulator.pushUpdate(queuedMessage('second'));
		await poller!.until(2);
		const polls = emulator.callsOf('getUpdates').length - pollsBefore;
		expect(polls).toBeGreaterThanOrEqual(2);
		expect(credentialReadsSoFar() - before).toBeGreaterThanOrEqual(polls);
	});

	it('confirms what it emitted: the next call carries the offset, and a stop confirms the rest', async () => {
		const [first, second] = [
			emulator.pushUpdate(queuedMessage('a')),
			emulator.pushUpdate(queuedMessage('b')),
		];
		await polling({ updates: ['message'] });
		await poller!.until(2);
		await callsArrive(emulator, 'getUpdates', 2);
		const calls = emulator.callsOf('getUpdates');
		expect(calls[0].params.offset).toBeUndefined();
		// Presses and replies come too: they may answer a waiting Send and Wait.
		expect(calls[0].params.allowed_updates).toEqual(['callback_query', 'message']);
		expect(calls[1].params.offset).toBe(second.update_id + 1);
		await poller!.deactivate();
		expect(emulator.bot().updates).toEqual([]);
		expect(updateIds(poller!.emitted)).toEqual([first.update_id, second.update_id]);
	});

	it('deactivation aborts the long poll in flight', async () => {
		await polling({ options: { pollTimeout: 50 } });
		await callsArrive(emulator, 'getUpdates', 1);
		await poller!.deactivate();
		const [held] = emulator.callsOf('getUpdates');
		// The server notices the closed socket a moment after the client let go.
		while (!held.aborted && !held.status) await new Promise((r) => setTimeout(r, 5));
		expect(held.params.timeout).toBe(50);
		expect(held.aborted).toBe(true);
		expect(held.status).toBe(0);
	});

	it('refuses to start while a webhook is set, and names it', async () => {
		emulator.bot().webhook = { url: 'https://n8n.example.com/webhook/abc/webhook' };
		const attempt = polling();
		await expect(attempt).rejects.toThrow(
			/delivers its updates to a webhook, https:\/\/n8n\.example\.com\/webhook\/abc\/webhook/,
		);
		poller = undefined;
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(0);
		expect(emulator.callsOf('getUpdates')).toHaveLength(0);
		expect(emulator.bot().webhook.url).toBe('https://n8n.example.com/webhook/abc/webhook');
	});

	it('removes the webhook when told to, then polls', async () => {
		emulator.bot().webhook = { url: 'https://n8n.example.com/webhook/abc/webhook' };
		const update = emulator.pushUpdate(queuedMessage('queued while the webhook was set'));
		await polling({ options: { removeWebhook: true } });
		await poller!.until(1);
		expect(emulator.callsOf('deleteWebhook')[0].params.drop_pending_updates).toBe(false);
		expect(updateIds(poller!.emitted)).toEqual([update.update_id]);
	});

	it('drops pending updates when told to', async () => {
		emulator.pushUpdate(queuedMessage('stale'));
		await polling({ options: { dropPendingUpdates: true } });
		await callsArrive(emulator, 'getUpdates', 1);
		const fresh = emulator.pushUpdate(queuedMessage('fresh'));
		await poller!.until(1);
		expect(updateIds(poller!.emitted)).toEqual([fresh.update_id]);
	});

	it('backs off on 500, a 502 page, a reset and 409 "terminated by other getUpdates", then goes on', async () => {
		emulator.failNext('getUpdates', { status: 500 });
		emulator.failNext('getUpdates', { status: 502, rawBody: '<html>Bad Gateway</html>' });
		emulator.failNext('getUpdates', { reset: true });
		emulator.failNext('getUpdates', { status: 409 });
		const update = emulator.pushUpdate(queuedMessage('after the storm'));
		await polling();
		await poller!.until(1);
		expect(updateIds(poller!.emitted)).toEqual([update.update_id]);
		expect(poller!.errors).toEqual([]);
		const calls = emulator.callsOf('getUpdates');
		// Each wait is longer than the one before: 250 ms, 500 ms, 1 s, 2 s.
		const gaps = calls.slice(1, 5).map((call, i) => call.at - calls[i].at);
		expect(gaps[1]).toBeGreaterThan(gaps[0]);
		expect(gaps[2]).toBeGreaterThan(gaps[1]);
		expect(gaps[3]).toBeGreaterThan(gaps[2]);
		const warnings = poller!.logs.filter((line) => line.startsWith('warn'));
		expect(warnings).toHaveLength(4);
		expect(warnings[3]).toMatch(/Poll Updates failed \(409\): Conflict: terminated by other/);
		expect(tokenLeaks(poller!.logs)).toEqual([]);
	});

	it('waits out a 429 for retry_after', async () => {
		emulator.failNext('getUpdates', { status: 429, parameters: { retry_after: 1 } });
		emulator.pushUpdate(queuedMessage('x'));
		await polling();
		await poller!.until(1);
		const [refused, retried] = emulator.callsOf('getUpdates');
		expect(retried.at - refused.at).toBeGreaterThanOrEqual(1000);
	});

	it('a revoked token stops the trigger with an error n8n shows, without the token', async () => {
		await polling();
		await callsArrive(emulator, 'getUpdates', 1);
		emulator.failNext('getUpdates', { status: 401, description: 'Unauthorized' });
		emulator.pushUpdate(queuedMessage('wakes the held poll'));
		await poller!.until(2);
		expect(poller!.errors).toHaveLength(1);
		expect(poller!.errors[0].message).toBe('Poll Updates failed (401): Unauthorized');
		expect(tokenLeaks(poller!.errors)).toEqual([]);
	});

	it('a webhook set while polling stops the trigger and says so', async () => {
		await polling();
		await callsArrive(emulator, 'getUpdates', 1);
		emulator.bot().webhook = { url: 'https://elsewhere.example.com/hook' };
		emulator.pushUpdate(queuedMessage('wakes the held poll'));
		await poller!.until(2);
		expect(poller!.errors[0].message).toMatch(/409.*webhook is active/);
	});

	it('an unforeseen failure inside the loop reaches n8n as the trigger error, not a crash', async () => {
		emulator.pushUpdate(queuedMessage('x'));
		poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options: { pollTimeout: 5 },
		} as never);
		poller.emitted.push = () => {
			throw new Error('n8n could not start the execution');
		};
		await poller.activate();
		await poller.until(1);
		expect(poller.errors.map((e) => e.message)).toEqual(['n8n could not start the execution']);
	});

	it('a manual test run takes one update and confirms only that one', async () => {
		const [first, second] = [
			emulator.pushUpdate(queuedMessage('a')),
			emulator.pushUpdate(queuedMessage('b')),
		];
		await polling({}, 'manual');
		await poller!.until(1);
		await poller!.deactivate();
		expect(updateIds(poller!.emitted)).toEqual([first.update_id]);
		expect(emulator.bot().updates.map((u) => u.update_id)).toEqual([second.update_id]);
	});

	it('applies the filters and downloads files like the webhook trigger', async () => {
		const file = emulator.addFile(2048, 'documents/report.pdf', 'application/pdf');
		emulator.pushUpdate(queuedMessage('from a stranger', { from: { id: 666, first_name: 'Eve' } }));
		const kept = emulator.pushUpdate({
			message: {
				message_id: 2,
				date: 1_795_253_400,
				chat: group,
				from: ada,
				caption: 'audit evidence',
				document: {
					file_id: file.file_id,
					file_unique_id: file.file_unique_id,
					file_size: 2048,
					file_name: 'report.pdf',
					mime_type: 'application/pdf',
				},
			},
		} as unknown as Omit<Update, 'update_id'>);
		await polling({ options: { userIds: '1001', downloadFiles: true } });
		await poller!.until(1);
		await callsArrive(emulator, 'getUpdates', 2);
		expect(updateIds(poller!.emitted)).toEqual([kept.update_id]);
		const [[item]] = poller!.emitted;
		expect(item.binary?.data).toMatchObject({
			fileName: 'report.pdf',
			mimeType: 'application/pdf',
		});
		expect(emulator.callsOf('getFile')).toHaveLength(1);
	});

	it('drains a backlog of 10,000 updates in order: 0 duplicates, 0 lost', async () => {
		const pushed = Array.from({ length: 10_000 }, (_, i) =>
			emulator.pushUpdate(queuedMessage(`#${i}`)),
		);
		await polling();
		await poller!.until(10_000);
		await poller!.deactivate();
		const ids = updateIds(poller!.emitted);
		expect(ids).toEqual(pushed.map((u) => u.update_id));
		expect(new Set(ids).size).toBe(10_000);
		expect(emulator.bot().updates).toEqual([]);
	});
});
