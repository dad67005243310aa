/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: a timer delivers an update during a long poll */
import { describe, expect, it } from 'vitest';

import { runAction } from '../../harness';
import { actionSuite } from './setup';

const { emulator, credentials } = actionSuite();

const text = (body: string) => ({
	chat: { id: 1001, type: 'private' as const, first_name: 'Ada' },
	message_id: 1,
	date: 1_790_000_000,
	text: body,
});

describe('Update → Get Many (getUpdates)', () => {
	it('returns one item per update in update_id order', async () => {
		const a = emulator.pushUpdate({ message: text('first') } as never);
		const b = emulator.pushUpdate({ message: text('second') } as never);
		const { items } = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(items.map((item) => item.json.update_id)).toEqual([a.update_id, b.update_id]);
		expect(emulator.callsOf('getUpdates')[0].params).toEqual({ limit: 100 });
	});

	it('returns zero items when nothing is pending', async () => {
		const { items, error } = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(error).toBeUndefined();
		expect(items).toEqual([]);
	});

	it('confirms with offset, forgets with a negative offset, honours limit', async () => {
		const ids = [1, 2, 3, 4].map(
			(n) => emulator.pushUpdate({ message: text(`m${n}`) } as never).update_id,
		);
		const first = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 2,
		});
		expect(first.items.map((i) => i.json.update_id)).toEqual(ids.slice(0, 2));
		const confirmed = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
			offset: ids[1] + 1,
		});
		expect(confirmed.items.map((i) => i.json.update_id)).toEqual(ids.slice(2));
		const last = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
			offset: -1,
		});
		expect(last.items.map((i) => i.json.update_id)).toEqual([ids[3]]);
		expect(emulator.bot().updates.map((u) => u.update_id)).toEqual([ids[3]]);
	});

	it('long-polls with timeout and sends allowed_updates', async () => {
		setTimeout(() => emulator.pushUpdate({ message: text('late') } as never), 150);
		const { items } = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 10,
			options: { timeout: 5, allowedUpdates: ['message', 'callback_query'] },
		});
		expect(items).toHaveLength(1);
		expect(emulator.callsOf('getUpdates')[0].params).toEqual({
			limit: 10,
			timeout: 5,
			allowed_updates: ['message', 'callback_query'],
		});
	});

	it('explains the 409 while a webhook is active', async () => {
		emulator.bot().webhook = { url: 'https://example.com/hook' };
		const { error } = await runAction(credentials(), {
			resource: 'update',
			operation: 'getMany',
			limit: 100,
		});
		expect(error?.message).toMatch(
			/^Get Updates failed \(409\): Conflict: can't use getUpdates method while webhook is active/,
		);
		expect(error?.description).toMatch(/Webhook → Delete|Trigger/);
	});
});
