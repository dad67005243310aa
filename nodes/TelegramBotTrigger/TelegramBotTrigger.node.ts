import type {
	IHookFunctions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { optionsCollection, updatesProperty } from './properties';
import { receive } from './receive';
import { checkExists, create, remove } from './webhookLifecycle';

export class TelegramBotTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot Trigger',
		name: 'telegramBotTrigger',
		icon: {
			light: 'file:../../icons/telegram.svg',
			dark: 'file:../../icons/telegram.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{ "Updates: " + $parameter["updates"].join(", ") }}',
		description:
			'Starts the workflow when the bot receives a Telegram update (message, button press, …)',
		defaults: { name: 'Telegram Bot Trigger' },
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
						'Whether to replace a webhook that another workflow or service registered for this bot',
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
