import { describe, expect, it } from 'vitest';

import { FORUM, freshRun } from './exampleRun';

describe('Forum Topic operations', () => {
	it('Create Topic answers with the new topic; closing it twice gets Telegram’s TOPIC_NOT_MODIFIED', async () => {
		const { run } = await freshRun();
		const forum = { __rl: true, mode: 'id', value: String(FORUM) };
		const created = await run({
			resource: 'forumTopic',
			operation: 'create',
			chatId: forum,
			name: 'Incident 43',
		});
		expect(created.items[0].json).toMatchObject({ name: 'Incident 43', icon_color: 7322096 });
		const messageThreadId = created.items[0].json.message_thread_id as number;
		const close = { resource: 'forumTopic', operation: 'close', chatId: forum, messageThreadId };
		expect((await run(close)).error).toBeUndefined();
		const again = await run(close);
		expect(again.error?.message).toContain('Close Forum Topic failed (400)');
		expect(JSON.stringify(again.error)).toContain('TOPIC_NOT_MODIFIED');
	});

	it('a group that is no forum gets Telegram’s refusal, naming the operation', async () => {
		const { run } = await freshRun();
		const { error } = await run({
			resource: 'forumTopic',
			operation: 'create',
			chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			name: 'x',
		});
		expect(error?.message).toContain('Create Forum Topic failed (400)');
		expect(JSON.stringify(error)).toContain('the chat is not a forum');
	});

	it('refuses a topic name over 128 characters before any request', async () => {
		const { run, emulator } = await freshRun();
		const { error } = await run({
			resource: 'forumTopic',
			operation: 'create',
			chatId: { __rl: true, mode: 'id', value: String(FORUM) },
			name: 'x'.repeat(129),
		});
		expect(error?.message).toContain('129 characters long, Telegram accepts 128');
		expect(emulator.callsOf('createForumTopic')).toHaveLength(0);
	});
});
