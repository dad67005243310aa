import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { operationProperties } from './actions';
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
		properties: operationProperties(),
	};

	methods = {
		listSearch: { searchChats },
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await router.call(this);
	}
}
