import type { INodeProperties } from 'n8n-workflow';

import { getManyUpdates } from './getMany.operation';

export const operations = { getMany: getManyUpdates };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['update'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				action: 'Get many updates',
				description:
					'Poll the updates waiting for the bot (getUpdates): messages, button presses, … Fails while a webhook is set',
			},
		],
		default: 'getMany',
	},
	...getManyUpdates.description,
];
