import { sleep } from 'n8n-workflow';

import { BotApiFailure } from './errors';
import type { PauseAllowance } from './pacer';

export interface RetryPolicy {
	/** Total time one call may spend waiting before it fails with a sentence saying so. */
	maxWaitMs: number;
	/** First back-off after a 5xx or a lost connection; doubles each time up to maxBackoffMs. */
	baseBackoffMs: number;
	maxBackoffMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = {
	maxWaitMs: 120_000,
	baseBackoffMs: 500,
	maxBackoffMs: 15_000,
};

/**
 * How long to wait before sending again after a failure worth repeating: a 429 waits exactly the
 * `retry_after` Telegram gave (the envelope made it whole seconds, 1 to a day), 1 s when there is
 * none (a proxy's 429, a garbled value); anything else waits the caller's back-off. The one rule
 * for every caller: an action's retries, a trigger's activation, the polling loop.
 */
export function retryDelayMs(failure: BotApiFailure, backoffMs: number): number {
	if (failure.status !== 429) return backoffMs;
	return (failure.parameters.retry_after ?? 1) * 1000;
}

/**
 * Sends again what Telegram asked to send again: a 429 after exactly `retry_after` seconds, a 5xx
 * or a connection lost before any answer after a doubling back-off. A workflow never hangs
 * silently: past the wait cap the call fails and says how long it waited.
 */
export async function withRetry<T>(
	/** Waits for a pause only within the allowance it is given, and counts there what it waited. */
	attempt: (allowance: PauseAllowance) => Promise<T>,
	policy: RetryPolicy = DEFAULT_RETRY,
	/** Told before each wait, so a 429 can pause the budgets other requests share. */
	onWait?: (failure: BotApiFailure, delayMs: number) => void,
	/** Ends every wait, rejecting with its reason (the execution or the delivery was stopped). */
	signal?: AbortSignal,
): Promise<T> {
	let waitedMs = 0;
	let backoffMs = policy.baseBackoffMs;
	for (let attempts = 1; ; attempts++) {
		const allowance = { maxWaitMs: policy.maxWaitMs - waitedMs, waitedMs: 0, signal };
		// Settled rather than caught: this loop only decides whether to resend; what it does not
		// resend leaves as it came.
		const outcome = await attempt(allowance).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		waitedMs += allowance.waitedMs;
		if (!('error' in outcome)) return outcome.value;
		const { error } = outcome;
		if (!(error instanceof BotApiFailure) || !error.transient) throw error;
		const delayMs = retryDelayMs(error, backoffMs);
		if (waitedMs + delayMs > policy.maxWaitMs)
			throw error.afterWaiting(waitedMs, attempts, delayMs);
		onWait?.(error, delayMs);
		await sleep(delayMs, signal);
		waitedMs += delayMs;
		// A back-off doubles each time it is used; Telegram's retry_after stands on its own.
		if (error.status !== 429) backoffMs = Math.min(backoffMs * 2, policy.maxBackoffMs);
	}
}
