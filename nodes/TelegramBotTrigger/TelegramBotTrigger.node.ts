import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { optionsCollection, updatesProperty } from '../shared/updates/properties';
import { receive } from './receive';
import { checkExists, create, remove } from './webhookLifecycle';

export class TelegramBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot Webhook Trigger',
		name: 'telegramBotTrigger',
		icon: {
			light: 'file:../../icons/telegramBotWebhook.svg',
			dark: 'file:../../icons/telegramBotWebhook.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Webhook: " + $parameter["updates"].join(", ") }}',
		// n8n's node creator lists this trigger inside the Telegram Bot entry (their type names differ
		// only by "Trigger") and shows this description for the whole entry, actions included.
		description:
			'Send messages, files and buttons as your bot, and start workflows from its updates (webhook or polling)',
		defaults: { name: 'Telegram Bot Webhook Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telegramBotApi', required: true }],
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				path: 'webhook',
			},
		],
		properties: [
			{
				displayName:
					"Telegram's cloud delivers updates only to a public HTTPS URL on port 443, 80, 88 or 8443. If this n8n runs on localhost, plain HTTP or behind NAT, use the Telegram Bot Polling Trigger instead.",
				name: 'publicUrlNotice',
				type: 'notice',
				default: '',
			},
			{
				displayName:
					'Telegram delivers a bot\'s updates to one webhook only. Activating this trigger fails if another URL is registered, unless "Take Over Existing Webhook" is on.',
				name: 'oneWebhookNotice',
				type: 'notice',
				default: '',
			},
			updatesProperty,
			optionsCollection([
				{
					displayName: 'Take Over Existing Webhook',
					name: 'takeOverWebhook',
					type: 'boolean',
					default: false,
					description:
						'Whether to replace a webhook that another workflow or service registered for this bot, on activation. A test listen never takes a webhook over: the owner would be left without one.',
				},
			]),
		],
	};

	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				return await checkExists.call(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				return await create.call(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				return await remove.call(this);
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receive.call(this);
	}
}
