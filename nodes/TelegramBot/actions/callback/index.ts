import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { answerInlineQuery } from './answerInlineQuery.operation';
import { rows } from './simple';

export const callback: Resource = {
	value: 'callback',
	name: 'Callback',
	defaultOperation: 'answerQuery',
	operations: [
		...rows.map((spec) => rowEntry('callback', spec)),
		{
			value: 'answerInlineQuery',
			module: answerInlineQuery,
			method: 'answerInlineQuery',
			action: 'Answer an inline query',
			description: 'Offer results to a user typing @yourbot in any chat (answerInlineQuery)',
			example: {
				parameters: {
					queryId: 'iq',
					results:
						'[{"type":"article","id":"a","title":"T","input_message_content":{"message_text":"x"}}]',
				},
			},
			readme: {
				inputs:
					'query ID, results as JSON (≤ 50, each with a known `type` and a unique `id` ≤ 64 bytes, checked first); cache time, personal',
				output: '`{ ok, description }`',
			},
		},
	],
};
