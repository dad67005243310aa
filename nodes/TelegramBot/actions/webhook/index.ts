import type { INodeProperties } from 'n8n-workflow';

import { createWebhook } from './create.operation';
import { deleteWebhook } from './delete.operation';
import { getWebhook } from './get.operation';

export const operations = {
	create: createWebhook,
	delete: deleteWebhook,
	get: getWebhook,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				action: 'Create a webhook',
				description: 'Tell Telegram where to POST updates (setWebhook)',
			},
			{
				name: 'Delete',
				value: 'delete',
				action: 'Remove the webhook',
				description: 'Stop webhook delivery so updates can be polled again (deleteWebhook)',
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get webhook info',
				description:
					'Read the registered URL, pending update count and last delivery error (getWebhookInfo)',
			},
		],
		default: 'get',
	},
	...createWebhook.description,
	...deleteWebhook.description,
	...getWebhook.description,
];
