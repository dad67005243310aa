import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { BotApiFailure, toNodeApiError } from './errors';
import type { BotApiAnswer } from './envelope';
import { botApiRequest, type BotApiContext, type RequestOptions } from './request';

/**
 * The call every operation makes: Telegram's `result`, or an NodeApiError that names the
 * operation, the status and Telegram's description, with a hint.
 */
export async function callBotApi<T = unknown>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject = {},
	options: RequestOptions & { itemIndex?: number } = {},
): Promise<T> {
	return (await answerOf<T>(ctx, operation, method, body, options)).result;
}

/** For methods whose useful answer is Telegram's description ("Webhook was set"), not `true`. */
export async function acknowledgeBotApi(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject = {},
	options: RequestOptions & { itemIndex?: number } = {},
): Promise<{ ok: true; description: string }> {
	const answer = await answerOf(ctx, operation, method, body, options);
	return { ok: true, description: answer.description ?? `${operation} done` };
}

async function answerOf<T>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject,
	options: RequestOptions & { itemIndex?: number },
): Promise<BotApiAnswer<T>> {
	try {
		return await botApiRequest<T>(ctx, operation, method, body, options);
	} catch (error) {
		if (error instanceof BotApiFailure)
			throw toNodeApiError(ctx.getNode(), error, options.itemIndex);
		throw new NodeOperationError(ctx.getNode(), error as Error, {
			itemIndex: options.itemIndex,
		});
	}
}
