import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';
import { parameter } from '../../shared/parameters';

/** Rows of buttons, each button a text and the fields its kind of keyboard adds. */
function keyboardRows(
	displayName: string,
	name: string,
	displayOptions: INodeProperties['displayOptions'],
	buttonFields: INodeProperties[],
): INodeProperties {
	return {
		displayName,
		name,
		placeholder: 'Add Row',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		displayOptions,
		options: [
			{
				displayName: 'Row',
				name: 'rows',
				values: [
					{
						displayName: 'Buttons',
						name: 'buttons',
						placeholder: 'Add Button',
						type: 'fixedCollection',
						typeOptions: { multipleValues: true },
						default: {},
						options: [
							{
								displayName: 'Button',
								name: 'button',
								values: [
									{ displayName: 'Text', name: 'text', type: 'string', default: '' },
									...buttonFields,
								],
							},
						],
					},
				],
			},
		],
	};
}

/** Reply Markup for sends and edits: keyboards built with fields, or Telegram's JSON as it is. */
export function replyMarkupProperties(kinds: MarkupKind[] = ALL_KINDS): INodeProperties[] {
	const show = (kind: MarkupKind) => ({ show: { replyMarkup: [kind] } });
	return [
		{
			displayName: 'Reply Markup',
			name: 'replyMarkup',
			type: 'options',
			options: KIND_OPTIONS.filter((option) => kinds.includes(option.value)),
			default: 'none',
			description: 'Buttons under the message, a custom keyboard, or a prompt to reply',
		},
		keyboardRows('Inline Keyboard', 'inlineKeyboard', show('inlineKeyboard'), [
			{
				displayName: 'Action',
				name: 'action',
				type: 'options',
				options: [
					{ name: 'Callback Data', value: 'callback_data' },
					{ name: 'Open URL', value: 'url' },
					{ name: 'Switch Inline Query', value: 'switch_inline_query' },
					{
						name: 'Switch Inline Query (Current Chat)',
						value: 'switch_inline_query_current_chat',
					},
					{ name: 'Web App', value: 'web_app' },
				],
				default: 'callback_data',
			},
			{
				displayName: 'Value',
				name: 'value',
				type: 'string',
				default: '',
				description: 'Callback data (1–64 bytes), the URL, the inline query, or the Web App URL',
			},
		]),
		keyboardRows('Reply Keyboard', 'replyKeyboard', show('replyKeyboard'), [
			{
				displayName: 'Request Contact',
				name: 'request_contact',
				type: 'boolean',
				default: false,
				description: "Whether pressing it sends the user's phone number",
			},
			{
				displayName: 'Request Location',
				name: 'request_location',
				type: 'boolean',
				default: false,
				description: "Whether pressing it sends the user's location",
			},
		]),
		{
			displayName: 'Keyboard Options',
			name: 'keyboardOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: show('replyKeyboard'),
			options: [
				{
					displayName: 'One Time',
					name: 'one_time_keyboard',
					type: 'boolean',
					default: false,
					description: 'Whether the keyboard hides after one use',
				},
				{
					displayName: 'Resize',
					name: 'resize_keyboard',
					type: 'boolean',
					default: true,
					description: 'Whether the keyboard is made as small as its buttons allow',
				},
				{
					displayName: 'Input Field Placeholder',
					name: 'input_field_placeholder',
					type: 'string',
					default: '',
				},
			],
		},
		{
			displayName: 'Reply Markup JSON',
			name: 'replyMarkupJson',
			type: 'json',
			default: '{\n  "inline_keyboard": [[{ "text": "Approve", "callback_data": "approve" }]]\n}',
			displayOptions: show('json'),
			description:
				"Telegram's reply_markup object as it is (InlineKeyboardMarkup, ReplyKeyboardMarkup, …)",
		},
	];
}

type MarkupKind =
	| 'none'
	| 'inlineKeyboard'
	| 'replyKeyboard'
	| 'removeKeyboard'
	| 'forceReply'
	| 'json';
const ALL_KINDS: MarkupKind[] = [
	'none',
	'inlineKeyboard',
	'replyKeyboard',
	'removeKeyboard',
	'forceReply',
	'json',
];
/** Edits can only carry inline keyboards. */
export const INLINE_ONLY: MarkupKind[] = ['none', 'inlineKeyboard', 'json'];

const KIND_OPTIONS: Array<{ name: string; value: MarkupKind }> = [
	{ name: 'None', value: 'none' },
	{ name: 'Inline Keyboard', value: 'inlineKeyboard' },
	{ name: 'Reply Keyboard', value: 'replyKeyboard' },
	{ name: 'Remove Reply Keyboard', value: 'removeKeyboard' },
	{ name: 'Force Reply', value: 'forceReply' },
	{ name: 'JSON', value: 'json' },
];

interface Rows<T> {
	rows?: Array<{ buttons?: { button?: T[] } }>;
}

/** The reply_markup field, or undefined; a bad button or JSON fails before any request. */
export function replyMarkupOf(
	ctx: IExecuteFunctions,
	itemIndex: number,
	operation: string,
): IDataObject | undefined {
	const kind = parameter(ctx, 'replyMarkup', itemIndex, 'none') as MarkupKind;
	const fail = (message: string, description?: string) =>
		new NodeOperationError(ctx.getNode(), `${operation}: ${message}`, { itemIndex, description });
	switch (kind) {
		case 'inlineKeyboard': {
			const rows = rowsOf<{ text: string; action: string; value: string }>(
				parameter(ctx, 'inlineKeyboard', itemIndex, {}) as Rows<never>,
			).map((row) =>
				row.map(({ text, action, value }) => {
					if (!text) throw fail('an inline button has no text');
					if (action === 'callback_data' && Buffer.byteLength(value ?? '') > 64)
						throw fail(`the callback data of "${text}" is over 64 bytes`);
					if (
						action !== 'switch_inline_query' &&
						action !== 'switch_inline_query_current_chat' &&
						!value
					)
						throw fail(`the button "${text}" needs a value`);
					return { text, [action]: action === 'web_app' ? { url: value } : (value ?? '') };
				}),
			);
			if (!rows.length) throw fail('the inline keyboard has no buttons');
			return { inline_keyboard: rows };
		}
		case 'replyKeyboard': {
			const rows = rowsOf<IDataObject>(
				parameter(ctx, 'replyKeyboard', itemIndex, {}) as Rows<never>,
			).map((row) =>
				row.map((button) => {
					if (!button.text) throw fail('a keyboard button has no text');
					return Object.fromEntries(Object.entries(button).filter(([, v]) => v !== false));
				}),
			);
			if (!rows.length) throw fail('the reply keyboard has no buttons');
			const options = parameter(ctx, 'keyboardOptions', itemIndex, {}) as IDataObject;
			return { keyboard: rows, resize_keyboard: true, ...options };
		}
		case 'removeKeyboard':
			return { remove_keyboard: true };
		case 'forceReply':
			return { force_reply: true };
		case 'json': {
			const raw = parameter(ctx, 'replyMarkupJson', itemIndex, '{}') as string | IDataObject;
			const markup =
				typeof raw === 'string'
					? jsonParse<IDataObject>(raw, { fallbackValue: undefined as never })
					: raw;
			if (!markup || typeof markup !== 'object' || Array.isArray(markup))
				throw fail(
					'Reply Markup JSON is not a JSON object',
					'Give an object such as {"inline_keyboard": [[…]]}.',
				);
			const known = ['inline_keyboard', 'keyboard', 'remove_keyboard', 'force_reply'];
			if (!known.some((key) => key in markup))
				throw fail(`Reply Markup JSON needs one of ${known.join(', ')}`);
			return markup;
		}
		default:
			return undefined;
	}
}

function rowsOf<T>(collection: Rows<T>): T[][] {
	return (collection.rows ?? [])
		.map((row) => row.buttons?.button ?? [])
		.filter((row) => row.length > 0);
}
