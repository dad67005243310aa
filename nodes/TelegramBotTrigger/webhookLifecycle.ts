import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { allowedUpdates } from '../TelegramBot/helpers/updateTypes';
import { webhookUrlProblem } from '../TelegramBot/helpers/webhookUrl';
import { botCredentials, callBotApi, redact } from '../TelegramBot/transport';
import { readSettings, rememberBotUsername, type UpdateOptions } from './pipeline';
import { newSecretToken } from './secret';

interface WebhookInfo {
	url: string;
	allowed_updates?: string[];
}

export interface TriggerOptions extends UpdateOptions {
	takeOverWebhook?: boolean;
	dropPendingUpdates?: boolean;
}

function ourUrl(ctx: IHookFunctions): string {
	const url = ctx.getNodeWebhookUrl('default');
	if (!url)
		throw new NodeOperationError(ctx.getNode(), 'n8n did not give this trigger a webhook URL');
	return url;
}

async function webhookInfo(ctx: IHookFunctions, operation: string): Promise<WebhookInfo> {
	return await callBotApi<WebhookInfo>(ctx, operation, 'getWebhookInfo');
}

function sameSet(a: string[] = [], b: string[] = []): boolean {
	return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Registered, with our URL, a secret we hold, and the update types asked for. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const info = await webhookInfo(this, 'Check Webhook');
	const staticData = this.getWorkflowStaticData('node');
	if (info.url !== ourUrl(this) || typeof staticData.secretToken !== 'string') return false;
	const wanted = allowedUpdates(this.getNodeParameter('updates', []) as string[]);
	return !wanted || wanted.length === 0 || sameSet(wanted, info.allowed_updates);
}

/**
 * Telegram keeps one webhook per bot. Registering over someone else's silently steals their
 * updates, so that needs the user's explicit say-so.
 */
export async function create(this: IHookFunctions): Promise<boolean> {
	const operation = 'Create Webhook';
	const url = ourUrl(this);
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	// Filters and mapping are checked now, so a typo fails the activation and not every update.
	readSettings(this);
	const { serverUrl } = await botCredentials(this);
	const problem = webhookUrlProblem(url, serverUrl);
	if (problem) {
		throw new NodeOperationError(this.getNode(), `${operation}: ${problem}`, {
			description: 'Set WEBHOOK_URL so n8n knows its public HTTPS address.',
		});
	}
	const info = await webhookInfo(this, operation);
	if (info.url && info.url !== url && !options.takeOverWebhook) {
		throw new NodeOperationError(
			this.getNode(),
			`${operation}: this bot already delivers its updates to ${redact(info.url)}`,
			{
				description:
					'Telegram allows one webhook per bot. Deactivate the workflow or service that owns it, use another bot, or turn on "Take Over Existing Webhook" to replace it.',
			},
		);
	}
	const secretToken = newSecretToken();
	const body: IDataObject = { url, secret_token: secretToken };
	body.allowed_updates = allowedUpdates(this.getNodeParameter('updates', []) as string[]) ?? [];
	if (options.dropPendingUpdates) body.drop_pending_updates = true;
	await rememberBotUsername(this, operation);
	await callBotApi(this, operation, 'setWebhook', body);
	const staticData = this.getWorkflowStaticData('node');
	staticData.secretToken = secretToken;
	return true;
}

/** Removes the webhook only while it is still ours: another workflow may have taken the bot over. */
export async function remove(this: IHookFunctions): Promise<boolean> {
	const info = await webhookInfo(this, 'Remove Webhook');
	if (info.url === ourUrl(this)) await callBotApi(this, 'Remove Webhook', 'deleteWebhook');
	delete this.getWorkflowStaticData('node').secretToken;
	return true;
}
