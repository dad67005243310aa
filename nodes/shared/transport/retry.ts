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
	/** Ends every wait (the execution was stopped). */
	signal?: AbortSignal,
): Promise<T> {
	let waitedMs = 0;
	let backoffMs = policy.baseBackoffMs;
	for (let attempts = 1; ; attempts++) {
		const allowance = { maxWaitMs: policy.maxWaitMs - waitedMs, waitedMs: 0, signal };
		// Settled rather than caught: callBotApi turns what leaves here into a NodeApiError, and this
		// loop only decides whether to resend.
		const outcome = await attempt(allowance).then(
			(value) => ({ value }),
			(error: unknown) => ({ error }),
		);
		waitedMs += allowance.waitedMs;
		if (!('error' in outcome)) return outcome.value;
		const { error } = outcome;
		if (!(error instanceof BotApiFailure) || !error.transient) throw error;
		const flood = error.status === 429;
		const delayMs = flood ? Math.max(1, error.parameters.retry_after ?? 1) * 1000 : backoffMs;
		if (waitedMs + delayMs > policy.maxWaitMs)
			throw error.afterWaiting(waitedMs, attempts, delayMs);
		onWait?.(error, delayMs);
		await sleep(delayMs, signal);
		waitedMs += delayMs;
		if (!flood) backoffMs = Math.min(backoffMs * 2, policy.maxBackoffMs);
	}
}
