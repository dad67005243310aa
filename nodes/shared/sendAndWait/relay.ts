import type { IDataObject, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { botApiRequest, botCredentials } from '../transport';
import {
	CALLBACK_PREFIX,
	HANDLED_MARKER,
	linkOf,
	relayBody,
	type RelayedAnswer,
	verifiedChoice,
	verifiedState,
	type RequestMessage,
} from './reference';

type TriggerContext = IWebhookFunctions | ITriggerFunctions;

const OPERATION = 'Send and Wait (trigger)';

export const CLOSED_TEXT = 'This request is closed';
const INVALID_TEXT = 'This button is not valid';

/**
 * Whether an update answers a Send and Wait request: a press of one of its buttons, or a reply to
 * its message. Such an update starts no workflow of the trigger; it goes to the waiting execution
 * over n8n's waiting-webhook URL (the one the message carries), which answers the press, edits the
 * message and resumes. A press that cannot be handed over (its request ended, timed out, or n8n
 * does not answer) is told "This request is closed" and its buttons are removed.
 */
export async function relayAnswer(ctx: TriggerContext, update: IDataObject): Promise<boolean> {
	try {
		const callback = update.callback_query as IDataObject | undefined;
		if (typeof callback?.data === 'string' && callback.data.startsWith(CALLBACK_PREFIX)) {
			await relayPress(ctx, update, callback);
			return true;
		}
		const message = update.message as IDataObject | undefined;
		const repliedTo = message?.reply_to_message as RequestMessage | undefined;
		if (message && repliedTo?.from?.is_bot && linkOf(repliedTo)) {
			return await relayReply(ctx, update, repliedTo);
		}
		return false;
	} catch (error) {
		// Nothing in an update may cost the trigger; an answer that cannot be handed over is lost.
		ctx.logger.warn(
			`Telegram Bot trigger: a Send and Wait answer could not be handed over: ${(error as Error).message}`,
		);
		return true;
	}
}

async function relayPress(ctx: TriggerContext, update: IDataObject, callback: IDataObject) {
	const { apiToken } = await botCredentials(ctx);
	const message = callback.message as RequestMessage | undefined;
	const link = linkOf(message);
	const state = link && verifiedState(apiToken, link.waiter, link.fragment);
	const choice = link && verifiedChoice(apiToken, link.waiter, callback.data);
	if (!link || !state || !choice) {
		await answerPress(ctx, callback, INVALID_TEXT, true);
		return;
	}
	if (state.deadline && Date.now() / 1000 > state.deadline) {
		await closePress(ctx, callback, message!, '⌛ This request expired without an answer.');
		return;
	}
	if (!(await handOver(ctx, link.url, relayBody(apiToken, update)))) {
		await closePress(ctx, callback, message!);
	}
}

async function relayReply(
	ctx: TriggerContext,
	update: IDataObject,
	repliedTo: RequestMessage,
): Promise<boolean> {
	const { apiToken } = await botCredentials(ctx);
	const link = linkOf(repliedTo)!;
	const state = verifiedState(apiToken, link.waiter, link.fragment);
	// A reply to a message that only looks like a request is an ordinary message.
	if (!state || state.kind !== 'freeText') return false;
	if (state.deadline && Date.now() / 1000 > state.deadline) return true;
	await handOver(ctx, link.url, relayBody(apiToken, update));
	return true;
}

/** How long an answer waits for its execution to finish going to sleep (a tap right after the send). */
const STILL_RUNNING_RETRIES = 20;
const STILL_RUNNING_PAUSE_MS = 500;

/**
 * POSTs the answer to the waiting execution; true when our node took it (n8n's own pages mean it
 * ended). n8n answers 409 "is running already" while the execution that sent the request has not
 * yet been saved as waiting: the answer is tried again for a few seconds.
 */
async function handOver(ctx: TriggerContext, url: string, body: RelayedAnswer): Promise<boolean> {
	try {
		for (let attempt = 0; ; attempt++) {
			const response = (await ctx.helpers.httpRequest({
				method: 'POST',
				url,
				body: { ...body },
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
				timeout: 30_000,
			})) as { statusCode: number; body: unknown };
			const answer = response.body as IDataObject | undefined;
			const running =
				response.statusCode === 409 && /running already/.test(JSON.stringify(answer ?? ''));
			if (running && attempt < STILL_RUNNING_RETRIES) {
				await sleep(STILL_RUNNING_PAUSE_MS);
				continue;
			}
			return (
				response.statusCode === 200 &&
				!!answer &&
				typeof answer === 'object' &&
				HANDLED_MARKER in answer
			);
		}
	} catch (error) {
		ctx.logger.warn(
			`Telegram Bot trigger: could not hand a Send and Wait answer to its execution: ${(error as Error).message}`,
		);
		return false;
	}
}

async function answerPress(
	ctx: TriggerContext,
	callback: IDataObject,
	text: string,
	alert: boolean,
): Promise<void> {
	try {
		await botApiRequest(ctx, OPERATION, 'answerCallbackQuery', {
			callback_query_id: callback.id as string,
			text,
			show_alert: alert,
		});
	} catch (error) {
		ctx.logger.warn(
			`Telegram Bot trigger: could not answer a button press: ${(error as Error).message}`,
		);
	}
}

/** "This request is closed", and the buttons go, so nobody presses them again. */
async function closePress(
	ctx: TriggerContext,
	callback: IDataObject,
	message: RequestMessage,
	line?: string,
): Promise<void> {
	await answerPress(ctx, callback, CLOSED_TEXT, true);
	try {
		if (line) {
			await botApiRequest(ctx, OPERATION, 'editMessageText', {
				chat_id: message.chat!.id!,
				message_id: message.message_id!,
				text: `${message.text ?? ''}\n\n${line}`,
				entities: (message.entities ?? []) as IDataObject[],
				link_preview_options: { is_disabled: true },
			});
		} else {
			await botApiRequest(ctx, OPERATION, 'editMessageReplyMarkup', {
				chat_id: message.chat!.id!,
				message_id: message.message_id!,
				reply_markup: { inline_keyboard: [] },
			});
		}
	} catch (error) {
		ctx.logger.warn(
			`Telegram Bot trigger: could not close a Send and Wait message: ${(error as Error).message}`,
		);
	}
}
