import type { ITriggerFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { botCredentials, redact } from '../shared/transport';
import { ActivationBudget } from '../shared/activationBudget';
import { botIsPolled } from './poller';
import {
	readSettings,
	rememberBotUsername,
	type UpdateOptions,
	type UpdateSettings,
} from '../shared/updates/pipeline';

export interface PollingOptions extends UpdateOptions {
	dropPendingUpdates?: boolean;
	pollTimeout?: number;
	removeWebhook?: boolean;
}

const OPERATION = 'Start Polling';

/**
 * Everything that must hold before the first poll; a failure here fails the activation with a
 * message, instead of a poller that silently receives nothing. Telegram refuses getUpdates while
 * a webhook is set, and that webhook belongs to someone: it is removed only when the user says so.
 */
export async function preparePolling(ctx: ITriggerFunctions): Promise<UpdateSettings> {
	const options = ctx.getNodeParameter('options', {}) as PollingOptions;
	// Checked before any request, so a typo fails fast.
	readSettings(ctx);
	// Bounded well inside n8n's activation deadline: a server that keeps failing fails the activation with its answer.
	const budget = new ActivationBudget(ctx);
	const info = (await budget.call<{ url?: string }>(OPERATION, 'getWebhookInfo')) ?? {};
	// A test listen never removes one: nobody could put it back (Telegram keeps its secret to itself).
	const testListen = ctx.getMode() === 'manual';
	if (info.url && (testListen || !options.removeWebhook)) {
		// The URL may hold the token, or a piece of it (some set their webhook at /<token>).
		const { apiToken } = await botCredentials(ctx);
		throw new NodeOperationError(
			ctx.getNode(),
			`${OPERATION}: this bot delivers its updates to a webhook, ${redact(info.url, apiToken)}; Telegram offers polling only while no webhook is set`,
			{
				description: testListen
					? 'A test listen never removes a webhook, or its owner would stop receiving updates. To test, deactivate the workflow or service that set it (a Telegram Bot Trigger, another tool), or test with a second bot.'
					: 'Deactivate the workflow or service that set the webhook (a Telegram Bot Trigger, another tool), use another bot, or turn on "Remove Existing Webhook".',
			},
		);
	}
	// The bot's queue is shared by every workflow polling it: joining a running stream drops nothing.
	const dropPending = options.dropPendingUpdates === true && !(await botIsPolled(ctx));
	if (info.url || dropPending) {
		// deleteWebhook also drops the queue when asked, with or without a webhook.
		await budget.call(OPERATION, 'deleteWebhook', { drop_pending_updates: dropPending });
	}
	await rememberBotUsername(ctx, budget, OPERATION);
	// Read after the bot's name is known: the commands filter compares against it.
	return readSettings(ctx);
}
