import type { IDataObject, IHookFunctions } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { triggerAllowedUpdates } from '../shared/updates/updateTypes';
import { webhookUrlProblem } from '../shared/webhookUrl';
import { botCredentials, redact } from '../shared/transport';
import { ActivationBudget } from '../shared/activationBudget';
import { readSettings, rememberBotUsername, type UpdateOptions } from '../shared/updates/pipeline';
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

async function webhookInfo(budget: ActivationBudget, operation: string): Promise<WebhookInfo> {
	return (await budget.call<WebhookInfo>(operation, 'getWebhookInfo')) ?? { url: '' };
}

/** `…/<webhookId>/webhook`: the same trigger node, under n8n's production or test path. */
function sameNodeUrl(a: string, b: string): boolean {
	const tail = (url: string) => url.split('/').slice(-2).join('/');
	return tail(a) === tail(b);
}

/**
 * A test listen registers n8n's test URL and removes it when the listen ends. Taking over the
 * bot's webhook there would leave its owner without one afterwards: Telegram does not tell anyone
 * the secret it was set with, so it cannot be put back as it was.
 */
function refuseTestTakeover(
	ctx: IHookFunctions,
	operation: string,
	registered: string,
	apiToken: string,
): never {
	const ownProduction = sameNodeUrl(registered, ourUrl(ctx));
	throw new NodeOperationError(
		ctx.getNode(),
		ownProduction
			? `${operation}: this workflow is active and its production webhook receives this bot's updates; Telegram keeps one webhook per bot, so a test listen would take it away`
			: `${operation}: this bot already delivers its updates to ${redact(registered, apiToken)}; a test listen would take them away from there`,
		{
			description: ownProduction
				? 'To test, deactivate the workflow (its webhook is registered again when you activate it), or test with a second bot.'
				: 'To test, use a second bot, or deactivate the workflow or service that owns the webhook. "Take Over Existing Webhook" applies to activation only, never to a test listen.',
		},
	);
}

function sameSet(a: string[] = [], b: string[] = []): boolean {
	return a.length === b.length && [...a].sort().join() === [...b].sort().join();
}

/** Registered, with our URL, a secret we hold, and the update types asked for. */
export async function checkExists(this: IHookFunctions): Promise<boolean> {
	const info = await webhookInfo(new ActivationBudget(this), 'Check Webhook');
	const staticData = this.getWorkflowStaticData('node');
	if (info.url !== ourUrl(this) || typeof staticData.secretToken !== 'string') return false;
	const wanted = triggerAllowedUpdates(this.getNodeParameter('updates', []) as string[]);
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
	const { serverUrl, apiToken } = await botCredentials(this);
	const problem = webhookUrlProblem(url, serverUrl);
	if (problem) {
		throw new NodeOperationError(this.getNode(), `${operation}: ${problem}`, {
			description: 'Set N8N_WEBHOOK_URL (WEBHOOK_URL before n8n 2) to n8n\'s public HTTPS address, or use the Telegram Bot Polling Trigger, which needs none.',
		});
	}
	const budget = new ActivationBudget(this);
	const info = await webhookInfo(budget, operation);
	if (info.url && info.url !== url && this.getMode() === 'manual')
		refuseTestTakeover(this, operation, info.url, apiToken);
	if (info.url && info.url !== url && !options.takeOverWebhook) {
		throw new NodeOperationError(
			this.getNode(),
			`${operation}: this bot already delivers its updates to ${redact(info.url, apiToken)}`,
			{
				description:
					'Telegram allows one webhook per bot. Deactivate the workflow or service that owns it, use another bot, or turn on "Take Over Existing Webhook" to replace it.',
			},
		);
	}
	const secretToken = newSecretToken();
	const body: IDataObject = { url, secret_token: secretToken };
	body.allowed_updates = triggerAllowedUpdates(this.getNodeParameter('updates', []) as string[]) ?? [];
	if (options.dropPendingUpdates) body.drop_pending_updates = true;
	await rememberBotUsername(this, budget, operation);
	await budget.call(operation, 'setWebhook', body);
	const staticData = this.getWorkflowStaticData('node');
	staticData.secretToken = secretToken;
	return true;
}

/**
 * Removes the webhook only while it is still ours: another workflow may have taken the bot over.
 * Without a secret nothing was registered (a test listen whose registration failed, after which n8n
 * calls this too): no call, so the registration's error is the one the editor shows.
 */
export async function remove(this: IHookFunctions): Promise<boolean> {
	if (typeof this.getWorkflowStaticData('node').secretToken !== 'string') return true;
	const budget = new ActivationBudget(this);
	const info = await webhookInfo(budget, 'Remove Webhook');
	if (info.url === ourUrl(this)) await budget.call('Remove Webhook', 'deleteWebhook');
	delete this.getWorkflowStaticData('node').secretToken;
	return true;
}
