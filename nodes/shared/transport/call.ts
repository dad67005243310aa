import type { IDataObject } from 'n8n-workflow';

import type { DeliveryEngine } from './delivery';
import { anySignal } from './signals';
import { BotApiFailure } from './errors';
import type { BotApiAnswer } from './envelope';
import { PausedPastLimit } from './pacer';
import {
	botApiRequest,
	cancelledFailure,
	executionCancelSignal,
	type BotApiContext,
	type RequestOptions,
} from './request';
import { withRetry, type RetryPolicy } from './retry';

/** How one call is retried and timed out: the caller's choice (an item's options, a trigger's limits). */
export interface CallPolicy {
	/** How 429s, 5xx and lost connections are retried. */
	retry: RetryPolicy;
	/** Milliseconds before one request is abandoned; the transport's default when absent. */
	timeoutMs?: number;
}

export interface CallOptions extends RequestOptions, CallPolicy {}

/** Sends to a chat: every attempt waits for its slot in the engine's budgets. */
interface Paced {
	engine: DeliveryEngine;
	chatId: string | number;
}

/**
 * The call every operation makes: Telegram's `result`, or a BotApiFailure that names the
 * operation, the status and Telegram's description, after the retries the policy allows.
 */
export async function callBotApi<T = unknown>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: CallOptions,
): Promise<T> {
	return (await retriedAnswer<T>(ctx, operation, method, body, options)).result;
}

/** For methods whose useful answer is Telegram's description ("Webhook was set"), not `true`. */
export async function acknowledgeBotApi(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: CallOptions,
): Promise<{ ok: true; description: string }> {
	const answer = await retriedAnswer(ctx, operation, method, body, options);
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
	ctx: BotApiContext,
	engine: DeliveryEngine,
	operation: string,
	method: string,
	body: IDataObject & { chat_id: string | number },
	options: CallOptions,
): Promise<Delivery<T>> {
	const send = async (chatId: string | number) =>
		await retriedAnswer<T>(ctx, operation, method, { ...body, chat_id: chatId }, options, {
			engine,
			chatId,
		});
	// Settled rather than caught: only a migration is answered here, any other failure goes on as it is.
	const first = await send(body.chat_id).then(
		(answer) => ({ answer }),
		(error: unknown) => ({ error }),
	);
	if ('answer' in first) return { result: first.answer.result };
	const { error } = first;
	const migratedTo =
		error instanceof BotApiFailure ? error.parameters.migrate_to_chat_id : undefined;
	if (migratedTo === undefined) throw error;
	return { result: (await send(migratedTo)).result, migratedToChatId: migratedTo };
}

/** The answer after the retries the policy allows; a failure is a BotApiFailure (or DeliveryStopped). */
async function retriedAnswer<T>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: CallOptions,
	paced?: Paced,
): Promise<BotApiAnswer<T>> {
	// Stopping the execution, the caller's signal or a stopped delivery ends every wait (a retry's,
	// a paused budget's). A stopped delivery does not cut a request already sent: its answer says
	// whether the message went out.
	const cancelled = anySignal([executionCancelSignal(ctx), options.signal]);
	const waits = anySignal([cancelled, paced?.engine.stopSignal]);
	// A paid broadcast has its own, wider budget (delivery.ts).
	const paid = body.allow_paid_broadcast === true;
	try {
		return await withRetry(
			async (allowance) => {
				try {
					if (paced) await paced.engine.slot(paced.chatId, allowance, paid);
				} catch (error) {
					throw asBotApiFailure(operation, method, error, cancelled);
				}
				return await botApiRequest<T>(ctx, operation, method, body, options);
			},
			options.retry,
			(failure, delayMs) => {
				if (paced && failure.status === 429) paced.engine.flooded(paced.chatId, delayMs, paid);
			},
			waits,
		);
	} catch (error) {
		throw asBotApiFailure(operation, method, error, cancelled);
	}
}

/**
 * What ended a wait, as the failure the rest of the transport reads. The bot paused longer than
 * this item may still wait (a 429 answered to another request, maybe another execution's) is a
 * 429 of its own, which withRetry fails at once with the wait it would pass; a wait ended by the
 * Stop button is the same failure as a request it stopped. A stopped delivery's DeliveryStopped
 * passes as it is.
 */
function asBotApiFailure(
	operation: string,
	method: string,
	error: unknown,
	cancelled: AbortSignal | undefined,
): unknown {
	if (error instanceof PausedPastLimit) {
		const retryAfter = Math.ceil(error.waitMs / 1000);
		const description = `Too Many Requests: retry after ${retryAfter}, Telegram's answer to an earlier send of this bot`;
		return new BotApiFailure(operation, method, 429, description, { retry_after: retryAfter });
	}
	if (cancelled?.aborted && !(error instanceof BotApiFailure))
		return cancelledFailure(operation, method);
	return error;
}
