import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationProperties } from './actions';
import { respond, SEND_AND_WAIT_WEBHOOKS } from './actions/message/sendAndWait/respond';
import { router } from './actions/router';
import { searchChats } from './methods/listSearch';

export class TelegramBot implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Telegram Bot',
		name: 'telegramBot',
		icon: {
			light: 'file:../../icons/telegramBot.svg',
			dark: 'file:../../icons/telegramBot.dark.svg',
		},
		group: ['output'],
		version: 1,
		// The operation as words ("Send Message", "Chat: Get Administrators"), where n8n's own
		// Telegram node shows "sendMessage: message". Lint wants a string literal here.
		subtitle:
			'={{ ($parameter["resource"] === "message" ? "" : $parameter["resource"].charAt(0).toUpperCase() + $parameter["resource"].slice(1) + ": ") + $parameter["operation"].charAt(0).toUpperCase() + $parameter["operation"].slice(1).replace(/([A-Z])/g, " $1") }}',
		description:
			'Send messages, files and buttons as your bot, and manage its chats, commands and webhook (Telegram Bot API)',
		defaults: { name: 'Telegram Bot' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'telegramBotApi', required: true }],
		// Send and Wait's resume URL (n8n waits on these, it registers nothing for them), declared as
		// n8n's own Send and Wait nodes declare it.
		webhooks: SEND_AND_WAIT_WEBHOOKS,
		properties: operationProperties(),
	};

	methods = {
		listSearch: { searchChats },
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await respond.call(this);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
