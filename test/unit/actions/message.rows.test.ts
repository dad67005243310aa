import { describe, expect, it } from 'vitest';

import { chat } from '../../actionRun';
import { EARLIER_POLL } from '../../emulator/server';
import { freshRun, itRunsItsExample } from './recentOps';

describe('Message operations of today’s Bot API', () => {
	itRunsItsExample('message', [
		'sendContact',
		'sendVenue',
		'forwardMessages',
		'copyMessages',
		'editMessageMedia',
		'setReaction',
		'deleteMessages',
		'unpinAllMessages',
		'stopPoll',
	]);

	it('React to Message with None removes the reaction; a message not there gets Telegram’s words', async () => {
		const { run, emulator } = await freshRun();
		await run({
			resource: 'message',
			operation: 'setReaction',
			chatId: chat(),
			messageId: 5,
			reaction: '',
		});
		expect(emulator.callsOf('setMessageReaction')[0].params).toMatchObject({ reaction: [] });
		const { error } = await run({
			resource: 'message',
			operation: 'setReaction',
			chatId: chat(),
			messageId: 999,
			reaction: '👍',
		});
		expect(error?.message).toContain('Set Message Reaction failed (400)');
		expect(JSON.stringify(error)).toContain('message to react not found');
	});

	it('Stop Poll answers with the closed poll; stopping it again gets Telegram’s refusal', async () => {
		const { run } = await freshRun();
		const stop = {
			resource: 'message',
			operation: 'stopPoll',
			chatId: chat(),
			messageId: EARLIER_POLL,
		};
		const { items, error } = await run(stop);
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			question: 'Escalate the phishing wave?',
			is_closed: true,
		});
		expect(JSON.stringify((await run(stop)).error)).toContain('poll has already been closed');
	});

	it('Delete Messages deletes the messages found and refuses when none is', async () => {
		const { run } = await freshRun();
		const del = {
			resource: 'message',
			operation: 'deleteMessages',
			chatId: chat(),
			messageIds: '3, 4',
		};
		expect((await run(del)).error).toBeUndefined();
		const again = await run(del);
		expect(again.error?.message).toContain('Delete Messages failed (400)');
		expect(JSON.stringify(again.error)).toContain('message to delete not found');
	});
});
