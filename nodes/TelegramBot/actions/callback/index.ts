import { resourceDescription } from '../resource';
import { answerInlineQuery } from './answerInlineQuery.operation';
import { answerQuery } from './answerQuery.operation';

export const { operations, description } = resourceDescription(
	'callback',
	[
		{
			value: 'answerQuery',
			module: answerQuery,
			action: 'Answer a button press',
			description:
				'Answer the press of an inline button: a toast, an alert or a URL (answerCallbackQuery)',
		},
		{
			value: 'answerInlineQuery',
			module: answerInlineQuery,
			action: 'Answer an inline query',
			description: 'Offer results to a user typing @yourbot in any chat (answerInlineQuery)',
		},
	],
	'answerQuery',
);
