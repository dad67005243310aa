import type { INodeProperties } from 'n8n-workflow';

import { sendMessage } from './sendMessage.operation';

export const operations = { sendMessage };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Send Message',
				value: 'sendMessage',
				action: 'Send a text message',
				description: 'Send a text message to a user, group or channel (sendMessage)',
			},
		],
		default: 'sendMessage',
	},
	...sendMessage.description,
];
