import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { DeliveryEngine } from './delivery';
import type { Upload } from './upload';
import { BotApiFailure, toNodeApiError } from './errors';
import type { BotApiAnswer } from './envelope';
import { PausedPastLimit } from './pacer';
import {
	botApiRequest,
	cancelledFailure,
	executionCancelSignal,
	type BotApiContext,
	type RequestOptions,
} from './request';
import { itemOptions } from './itemOptions';
import { DEFAULT_RETRY, withRetry, type RetryPolicy } from './retry';

export interface CallOptions extends RequestOptions {
	itemIndex?: number;
	/** How 429s, 5xx and lost connections are retried; DEFAULT_RETRY when absent. */
	retry?: RetryPolicy;
	/** Sends to a chat: every attempt waits for its slot in the engine's budgets. */
	paced?: { engine: DeliveryEngine; chatId: string | number };
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

export interface Delivery<T> {
	result: T;
	/** Set when the group had become a supergroup and the message went to its new ID. */
	migratedToChatId?: number;
}

/**
 * A send to `body.chat_id` under the engine's budgets. A group upgraded to a supergroup answers
 * 400 with `migrate_to_chat_id`: the send is repeated once to the new ID, and the caller says so.
 */
export async function deliverToChat<T = unknown>(
	ctx: IExecuteFunctions,
	engine: DeliveryEngine,
	operation: string,
	method: string,
	body: IDataObject & { chat_id: string | number },
	itemIndex: number,
	uploads: Upload[] = [],
): Promise<Delivery<T>> {
	const send = async (chatId: string | number) =>
		await retriedAnswer<T>(
			ctx,
			operation,
			method,
			{ ...body, chat_id: chatId },
			{ itemIndex, uploads, paced: { engine, chatId } },
		);
	try {
		return { result: (await send(body.chat_id)).result };
	} catch (error) {
		const migratedTo =
			error instanceof BotApiFailure ? error.parameters.migrate_to_chat_id : undefined;
		if (migratedTo === undefined) throw asNodeError(ctx, error, itemIndex);
		try {
			return { result: (await send(migratedTo)).result, migratedToChatId: migratedTo };
		} catch (retryError) {
			throw asNodeError(ctx, retryError, itemIndex);
		}
	}
}

type AnswerArgs = [
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: CallOptions,
];

async function answerOf<T>(...args: AnswerArgs): Promise<BotApiAnswer<T>> {
	try {
		return await retriedAnswer<T>(...args);
	} catch (error) {
		const [ctx, , , , options] = args;
		throw asNodeError(ctx, error, options.itemIndex);
	}
}

/** The answer after retries, failures still BotApiFailure: deliverToChat reads their parameters (migration). */
async function retriedAnswer<T>(
	...[ctx, operation, method, body, options]: AnswerArgs
): Promise<BotApiAnswer<T>> {
	const policy = itemPolicy(ctx, options.itemIndex);
	const retry = options.retry ?? policy.retry;
	const requestOptions = { ...options, timeoutMs: options.timeoutMs ?? policy.timeoutMs };
	const paced = options.paced;
	const cancel = executionCancelSignal(ctx);
	try {
		return await withRetry(
			async (allowance) => {
				try {
					if (paced) await paced.engine.slot(paced.chatId, allowance);
				} catch (error) {
					throw asBotApiFailure(operation, method, error, cancel);
				}
				return await botApiRequest<T>(ctx, operation, method, body, requestOptions);
			},
			retry,
			(failure, delayMs) => {
				if (paced && failure.status === 429) paced.engine.flooded(paced.chatId, delayMs);
			},
			cancel,
		);
	} catch (error) {
		throw asBotApiFailure(operation, method, error, cancel);
	}
}

/**
 * What ended a wait, as the failure the rest of the transport reads. The bot paused longer than
 * this item may still wait (a 429 answered to another request, maybe another execution's) is a
 * 429 of its own, which withRetry fails at once with the wait it would pass; a wait ended by the
 * Stop button is the same failure as a request it stopped.
 */
function asBotApiFailure(
	operation: string,
	method: string,
	error: unknown,
	cancel: AbortSignal | undefined,
): unknown {
	if (error instanceof PausedPastLimit) {
		const retryAfter = Math.ceil(error.waitMs / 1000);
		const description = `Too Many Requests: retry after ${retryAfter}, Telegram's answer to an earlier send of this bot`;
		return new BotApiFailure(operation, method, 429, description, { retry_after: retryAfter });
	}
	if (cancel?.aborted && !(error instanceof BotApiFailure))
		return cancelledFailure(operation, method);
	return error;
}

function asNodeError(ctx: BotApiContext, error: unknown, itemIndex: number | undefined): Error {
	if (error instanceof BotApiFailure) return toNodeApiError(ctx.getNode(), error, itemIndex);
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}

/**
 * The item's "Retry Wait Limit" and "Request Timeout" options when an action runs, else the
 * defaults (trigger, lists). One parameter read per call: a broadcast makes thousands of calls.
 */
function itemPolicy(
	ctx: BotApiContext,
	itemIndex: number | undefined,
): { retry: RetryPolicy; timeoutMs?: number } {
	if (itemIndex === undefined || !('getInputData' in ctx)) return { retry: DEFAULT_RETRY };
	const options = itemOptions<{ retryWaitLimit?: number; requestTimeout?: number }>(
		ctx as IExecuteFunctions,
		itemIndex,
	);
	const waitSeconds = options.retryWaitLimit ?? 120;
	return {
		retry: { ...DEFAULT_RETRY, maxWaitMs: Math.max(0, waitSeconds) * 1000 },
		timeoutMs: options.requestTimeout ? options.requestTimeout * 1000 : undefined,
	};
}
