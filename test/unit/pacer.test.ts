/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: reads the listeners an AbortSignal holds */
import { getEventListeners } from 'node:events';

import { describe, expect, it } from 'vitest';

import { Pacer, Rate } from '../../nodes/shared/transport/pacer';

/** A caller's allowance: any pause may be waited, and `signal` ends the wait. */
const waitingWith = (signal: AbortSignal) => ({ maxWaitMs: Infinity, waitedMs: 0, signal });

describe('Pacer', () => {
	it('listens to each abort signal once however many wait with it, and stopping one execution lets only its callers go', async () => {
		const pacer = new Pacer();
		const rate = new Rate(1);
		pacer.pauseUntil(Date.now() + 300, rate);
		const stopped = new AbortController();
		const running = new AbortController();
		const outcome = (promise: Promise<void>) =>
			promise.then(
				() => 'sent',
				(error: Error) => error.message,
			);
		const stoppedOnes = Array.from({ length: 50 }, () =>
			outcome(pacer.take(rate, waitingWith(stopped.signal))),
		);
		const runningOnes = Array.from({ length: 50 }, () =>
			outcome(pacer.take(rate, waitingWith(running.signal))),
		);
		expect(getEventListeners(stopped.signal, 'abort')).toHaveLength(1);
		expect(getEventListeners(running.signal, 'abort')).toHaveLength(1);

		stopped.abort(new Error('execution stopped'));
		expect(await Promise.all(stoppedOnes)).toEqual(Array(50).fill('execution stopped'));
		expect(await Promise.all(runningOnes)).toEqual(Array(50).fill('sent'));
		// Nobody waits any more: no listener is left behind on a signal that lives as long as n8n.
		expect(getEventListeners(running.signal, 'abort')).toHaveLength(0);
		expect(pacer.idle(Date.now() + 1000)).toBe(true);
	});
});
