import type { Resource } from '../types';
import { call } from './call.operation';

export const api: Resource = {
	value: 'api',
	name: 'Call API Method',
	defaultOperation: 'call',
	operations: [
		{
			value: 'call',
			module: call,
			method: 'any method',
			action: 'Call any Bot API method',
			description:
				'Call a Bot API method by name with JSON parameters and optional files, with the same errors, retries and rate limits (any method)',
			example: {
				parameters: {
					method: 'sendContact',
					parameters: '{"chat_id": 1001, "phone_number": "+4930123", "first_name": "Desk"}',
				},
			},
			readme: {
				inputs:
					'method name, parameters as one JSON object, optional binary attachments (`attach://name` or named after the parameter)',
				output: "Telegram's result; same errors, retries and (with a `chat_id`) rate limits",
			},
		},
	],
};
