import { describe, expect, it } from 'vitest';

import { BotApiFailure } from '../../../nodes/shared/transport';
import { DEFAULT_TOKEN } from '../../emulator/server';
import { runAction } from '../../harness';
import { tokenLeaks } from '../../leaks';
import { actionSuite } from './setup';

const { emulator, credentials } = actionSuite();

describe('failures without an answer or with a broken one', () => {
	const noRetry = { resource: 'bot', operation: 'get', options: { retryWaitLimit: 0 } };

	it('a reset connection names the operation and says no response came', async () => {
		emulator.failNext('getMe', { reset: true });
		const { error } = await runAction(credentials(), {
			resource: 'bot',
			operation: 'get',
			options: { retryWaitLimit: 0 },
		});
		expect(error?.message).toMatch(
			/^Get Bot failed \(no response\): .*(ECONNRESET|socket hang up)/,
		);
		expect(error?.description).toMatch(/Server URL/);
	});

	it('a 502 HTML page becomes one readable line', async () => {
		emulator.failNext('getMe', {
			status: 502,
			rawBody:
				'<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1>nginx</body></html>',
		});
		const { error } = await runAction(credentials(), noRetry);
		expect(error?.message).toMatch(
			/^Get Bot failed \(502\): unexpected answer from the Bot API server: 502 Bad Gateway \(gave up after 1 attempt/,
		);
	});

	it('a refused connection is reported with the operation', async () => {
		const { error } = await runAction(
			{ ...credentials(), serverUrl: 'http://127.0.0.1:9' },
			noRetry,
		);
		expect(error?.message).toMatch(/^Get Bot failed \(no response\): connection refused/);
	});

	it('waits exactly retry_after on a 429 and sends the same request again', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 1 } });
		const started = Date.now();
		const { items, error } = await runAction(credentials(), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '1001' },
			text: 'after the flood',
			options: {},
		});
		expect(error).toBeUndefined();
		expect(items[0].json.text).toBe('after the flood');
		const calls = emulator.callsOf('sendMessage');
		expect(calls).toHaveLength(2);
		expect(calls[1].params).toEqual(calls[0].params);
		expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
	});

	it('backs off on 5xx and resets, then succeeds', async () => {
		emulator.failNext('getMe', { status: 502, rawBody: '<title>502 Bad Gateway</title>' });
		emulator.failNext('getMe', { reset: true });
		emulator.failNext('getMe', { status: 500 });
		const { items } = await runAction(credentials(), { resource: 'bot', operation: 'get' });
		expect(items[0].json.username).toBe('compliance_test_bot');
		expect(emulator.callsOf('getMe')).toHaveLength(4);
	});

	it('fails with how long it waited once the wait limit would be passed', async () => {
		emulator.failNext('sendMessage', { status: 429, parameters: { retry_after: 3600 } });
		const { error } = await runAction(credentials(), {
			resource: 'message',
			operation: 'sendMessage',
			chatId: { __rl: true, mode: 'id', value: '1001' },
			text: 'x',
			options: { retryWaitLimit: 60 },
		});
		expect(error?.message).toBe(
			'Send Message failed (429): Too Many Requests: retry after 3600 (gave up after 1 attempt and 0 s of waiting; the next wait of 3600 s would pass the limit)',
		);
		expect(error?.description).toMatch(/flood control/);
		expect(emulator.callsOf('sendMessage')).toHaveLength(1);
	});

	it('does not resend after a timeout: the message may have gone out', async () => {
		expect(
			new BotApiFailure('Send Message', 'sendMessage', null, 'no answer', {}, 'ETIMEDOUT')
				.transient,
		).toBe(false);
		expect(
			new BotApiFailure('Send Message', 'sendMessage', null, 'reset', {}, 'ECONNRESET').transient,
		).toBe(true);
	});

	it('no failure path carries the token', async () => {
		const cases: Array<() => void> = [
			() => emulator.failNext('getMe', { reset: true }),
			() =>
				emulator.failNext('getMe', {
					status: 500,
					description: `Internal error for bot${DEFAULT_TOKEN}`,
				}),
			() => emulator.failNext('getMe', { status: 429, parameters: { retry_after: 3 } }),
			() =>
				emulator.failNext('getMe', {
					status: 200,
					rawBody: `{"ok":tru ${DEFAULT_TOKEN}`,
					rawContentType: 'application/json',
				}),
		];
		for (const arm of cases) {
			arm();
			const result = await runAction(credentials(), noRetry, [{}], {
				continueOnFail: true,
			});
			expect(result.items[0].json.error).toMatch(/^Get Bot failed/);
			expect(tokenLeaks(result.run)).toEqual([]);
			arm();
			const failing = await runAction(credentials(), noRetry, [{}]);
			expect(tokenLeaks(failing.run)).toEqual([]);
		}
	});
});
