import type { INodeProperties } from 'n8n-workflow';

import { getBot } from './get.operation';

export const operations = { get: getBot };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['bot'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get the bot',
				description: "Get the bot's own user: ID, username, name and what it may do (getMe)",
			},
		],
		default: 'get',
	},
	...getBot.description,
];
