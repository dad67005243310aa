import type { IExecuteFunctions } from 'n8n-workflow';

import { itemOptions } from '../../shared/itemOptions';
import {
	DEFAULT_RETRY,
	TELEGRAM_LIMITS,
	type CallPolicy,
	type RateLimits,
} from '../../shared/transport';

interface PolicyOptions {
	retryWaitLimit?: number;
	requestTimeout?: number;
	messagesPerSecond?: number;
	messagesPerChatPerSecond?: number;
	messagesPerGroupPerMinute?: number;
}

/** How an item's requests are retried and timed out: its Retry Wait Limit and Request Timeout options. */
export function callPolicy(ctx: IExecuteFunctions, itemIndex: number): CallPolicy {
	const options = itemOptions<PolicyOptions>(ctx, itemIndex);
	const waitSeconds = options.retryWaitLimit ?? DEFAULT_RETRY.maxWaitMs / 1000;
	return {
		retry: { ...DEFAULT_RETRY, maxWaitMs: Math.max(0, waitSeconds) * 1000 },
		timeoutMs: options.requestTimeout ? options.requestTimeout * 1000 : undefined,
	};
}

/** The budgets a send keeps: the item's Sends per … options, Telegram's limits where unset. */
export function rateLimits(ctx: IExecuteFunctions, itemIndex: number): RateLimits {
	const options = itemOptions<PolicyOptions>(ctx, itemIndex);
	return {
		perSecond: positive(options.messagesPerSecond, TELEGRAM_LIMITS.perSecond),
		perChatPerSecond: positive(options.messagesPerChatPerSecond, TELEGRAM_LIMITS.perChatPerSecond),
		perGroupPerMinute: positive(
			options.messagesPerGroupPerMinute,
			TELEGRAM_LIMITS.perGroupPerMinute,
		),
	};
}

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}
