import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BotApiFailure, toNodeApiError } from './errors';
import type { BotApiAnswer } from './envelope';
import { botApiRequest, type BotApiContext, type RequestOptions } from './request';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';

export interface CallOptions extends RequestOptions {
	itemIndex?: number;
	/** How 429s, 5xx and lost connections are retried; DEFAULT_RETRY when absent. */
	retry?: RetryPolicy;
}

/**
 * The call every operation makes: Telegram's `result`, or an NodeApiError that names the
 * operation, the status and Telegram's description, with a hint.
 */
export async function callBotApi<T = unknown>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject = {},
	options: CallOptions = {},
): Promise<T> {
	return (await answerOf<T>(ctx, operation, method, body, options)).result;
}

/** For methods whose useful answer is Telegram's description ("Webhook was set"), not `true`. */
export async function acknowledgeBotApi(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject = {},
	options: CallOptions = {},
): Promise<{ ok: true; description: string }> {
	const answer = await answerOf(ctx, operation, method, body, options);
	return { ok: true, description: answer.description ?? `${operation} done` };
}

async function answerOf<T>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: CallOptions,
): Promise<BotApiAnswer<T>> {
	try {
		const retry = options.retry ?? retryPolicyFor(ctx, options.itemIndex);
		return await withRetry(
			async () => await botApiRequest<T>(ctx, operation, method, body, options),
			retry,
		);
	} catch (error) {
		if (error instanceof BotApiFailure)
			throw toNodeApiError(ctx.getNode(), error, options.itemIndex);
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			itemIndex: options.itemIndex,
		});
	}
}

/** The item's "Retry Wait Limit" option when an action runs; the default elsewhere (trigger, lists). */
function retryPolicyFor(ctx: BotApiContext, itemIndex: number | undefined): RetryPolicy {
	if (itemIndex === undefined || !('getInputData' in ctx)) return DEFAULT_RETRY;
	const seconds = (ctx as IExecuteFunctions).getNodeParameter(
		'options.retryWaitLimit',
		itemIndex,
		120,
	) as number;
	return { ...DEFAULT_RETRY, maxWaitMs: Math.max(0, seconds) * 1000 };
}
