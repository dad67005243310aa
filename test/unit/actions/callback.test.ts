import { describe, expect, it } from 'vitest';

import { actionSuite } from './setup';

const { emulator, run } = actionSuite();

describe('callback and inline queries', () => {
	it('answers a button press with an alert', async () => {
		const { items } = await run({
			resource: 'callback',
			operation: 'answerQuery',
			queryId: 'cbq-1',
			options: { text: 'Approved', showAlert: true },
		});
		expect(emulator.callsOf('answerCallbackQuery')[0].params).toEqual({
			callback_query_id: 'cbq-1',
			text: 'Approved',
			show_alert: true,
		});
		expect(items[0].json.ok).toBe(true);
	});

	it('answers an inline query and checks the results first', async () => {
		const results = [
			{
				type: 'article',
				id: 'p1',
				title: 'Policy',
				input_message_content: { message_text: 'See policy' },
			},
		];
		await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: JSON.stringify(results),
			options: { cacheTime: 10 },
		});
		expect(emulator.callsOf('answerInlineQuery')[0].params).toEqual({
			inline_query_id: 'iq-1',
			results,
			cache_time: 10,
		});
		const twice = await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: JSON.stringify([...results, ...results]),
		});
		expect(twice.error?.message).toBe('Answer Inline Query: the id "p1" is used twice');
		const notJson = await run({
			resource: 'callback',
			operation: 'answerInlineQuery',
			queryId: 'iq-1',
			results: '{oops',
		});
		expect(notJson.error?.message).toBe(
			'Answer Inline Query: Results must be a JSON array of InlineQueryResult objects',
		);
		expect(emulator.calls).toHaveLength(0);
	});
});
