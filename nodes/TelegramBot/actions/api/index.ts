import { resourceDescription } from '../resource';
import { call } from './call.operation';

export const { operations, description } = resourceDescription(
	'api',
	[
		{
			value: 'call',
			module: call,
			action: 'Call any Bot API method',
			description:
				'Call a Bot API method by name with JSON parameters and optional files, with the same errors, retries and rate limits (any method)',
		},
	],
	'call',
);
