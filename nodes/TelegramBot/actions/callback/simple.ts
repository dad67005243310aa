import { boolean, number, text } from '../fields';
import { row } from '../rows';

/** The answers to button presses that are one call (see rows.ts). */
export const rows = [
	row({
		value: 'answerQuery',
		label: 'Answer Callback Query',
		method: 'answerCallbackQuery',
		fields: [
			text(
				'callback_query_id',
				{
					displayName: 'Callback Query ID',
					name: 'queryId',
					default: '={{ $json.update?.callback_query?.id }}',
					required: true,
					description:
						'The callback_query.id of the button press; answer within 10 seconds or the button keeps spinning',
				},
				{ whenEmpty: 'Map callback_query.id from the trigger.' },
			),
			text(
				'text',
				{
					displayName: 'Text',
					name: 'text',
					inOptions: true,
					description: 'Notification shown to the user, up to 200 characters',
				},
				{ maxLength: 200 },
			),
			boolean('show_alert', {
				displayName: 'Show as Alert',
				name: 'showAlert',
				inOptions: true,
				description: 'Whether the text is an alert to dismiss rather than a toast',
			}),
			text('url', {
				displayName: 'URL',
				name: 'url',
				inOptions: true,
				description: 'A t.me link that opens your bot with a start parameter, or a game URL',
			}),
			number('cache_time', {
				displayName: 'Cache Time (Seconds)',
				name: 'cacheTime',
				inOptions: true,
				typeOptions: { minValue: 0 },
				description: 'How long clients may cache this answer',
			}),
		],
		output: 'acknowledge',
		action: 'Answer a button press',
		description:
			'Answer the press of an inline button: a toast, an alert or a URL (answerCallbackQuery)',
		example: { parameters: { queryId: 'cbq' }, sends: { callback_query_id: 'cbq' } },
		readme: {
			inputs:
				"query ID (defaults to the trigger's `callback_query.id`); options: text ≤ 200, show as alert, URL, cache time",
		},
	}),
];
