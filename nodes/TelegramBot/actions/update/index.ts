import type { Resource } from '../types';
import { getManyUpdates } from './getMany.operation';

export const update: Resource = {
	value: 'update',
	name: 'Update',
	defaultOperation: 'getMany',
	operations: [
		{
			value: 'getMany',
			name: 'Get Many',
			module: getManyUpdates,
			method: 'getUpdates',
			action: 'Get many updates',
			description:
				'Poll the updates waiting for the bot (getUpdates): messages, button presses, … Fails while a webhook is set',
			example: { parameters: {} },
			readme: {
				inputs:
					'`limit` 1–100 (default 100); `offset` (0 = all unconfirmed; last `update_id` + 1 confirms; a negative `-N` keeps only the last N and **forgets all older updates for good**); options: long-polling timeout (s), allowed update types',
				output: 'one item per update, in `update_id` order; none when there are none',
			},
		},
	],
};
