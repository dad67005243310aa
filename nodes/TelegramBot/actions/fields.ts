import type {
	IDataObject,
	IExecuteFunctions,
	INodeProperties,
	NodeParameterValueType,
} from 'n8n-workflow';
import { jsonParse, NodeOperationError } from 'n8n-workflow';

import { chatIdParameter } from '../../shared/chatId';
import { chatLocator } from '../descriptions/chatLocator';
import { messageIdProperty, positiveInteger, userIdProperty } from '../helpers/fields';
import { parameter } from '../../shared/parameters';

/**
 * One parameter of a simple operation: what the editor shows and what it puts into the request.
 * `P` names the Bot API parameters it fills, so a row cannot give its method a parameter the
 * method does not have.
 */
export interface Field<P extends string = string> {
	readonly params: readonly P[];
	/** Usually one; a few parameters read together (a command scope) are one field. */
	readonly properties: readonly INodeProperties[];
	/** In the Options collection, and sent only when set to something other than its default. */
	readonly inOptions: boolean;
	body(ctx: IExecuteFunctions, itemIndex: number, label: string): IDataObject;
}

/** A field's editor settings: everything but the type, which the field's kind decides. */
export type FieldUi = Omit<INodeProperties, 'type' | 'default'> & {
	default?: NodeParameterValueType;
	/** Shown in Options instead of among the operation's parameters. */
	inOptions?: boolean;
};

type Fail = (message: string, hint?: string) => NodeOperationError;
type Convert = (value: unknown, fail: Fail) => unknown;

function field<P extends string>(
	param: P,
	type: INodeProperties['type'],
	fallback: NodeParameterValueType,
	{ inOptions = false, ...ui }: FieldUi,
	convert: Convert,
): Field<P> {
	const property = { ...ui, type, default: ui.default ?? fallback } as INodeProperties;
	const path = inOptions ? `options.${property.name}` : property.name;
	return {
		params: [param],
		properties: [property],
		inOptions,
		body(ctx, itemIndex, label) {
			const value = parameter(ctx, path, itemIndex, property.default);
			if (inOptions && (value === undefined || value === null || value === property.default))
				return {};
			const fail: Fail = (message, description) =>
				new NodeOperationError(ctx.getNode(), `${label}: ${message}`, { itemIndex, description });
			return { [param]: convert(value, fail) } as IDataObject;
		},
	};
}

/** The chat: by ID, @username or from recent updates (chat_id). */
export const chat: Field<'chat_id'> = {
	params: ['chat_id'],
	properties: [chatLocator],
	inOptions: false,
	body: (ctx, itemIndex, label) => ({ chat_id: chatIdParameter(ctx, 'chatId', itemIndex, label) }),
};

/** A message of that chat (message_id), refused before any request when no positive integer. */
export const messageId: Field<'message_id'> = {
	params: ['message_id'],
	properties: [messageIdProperty],
	inOptions: false,
	body: (ctx, itemIndex, label) => ({
		message_id: positiveInteger(ctx, 'messageId', itemIndex, label, 'Message ID'),
	}),
};

/** A user (user_id), refused before any request when no positive integer. */
export const userId: Field<'user_id'> = {
	params: ['user_id'],
	properties: [userIdProperty],
	inOptions: false,
	body: (ctx, itemIndex, label) => ({
		user_id: positiveInteger(ctx, 'userId', itemIndex, label, 'User ID'),
	}),
};

/**
 * Text, counted in characters as Telegram counts them. A required text may not be empty; an
 * optional one outside Options is sent even when empty (for the set… methods, empty removes it).
 */
export function text<P extends string>(
	param: P,
	ui: FieldUi,
	limits: { maxLength?: number; whenEmpty?: string } = {},
): Field<P> {
	const noun = `the ${String(ui.displayName).toLowerCase()}`;
	return field(param, 'string', '', ui, (value, fail) => {
		const text = String(value ?? '');
		if (ui.required && text.trim() === '') throw fail(`${noun} is empty`, limits.whenEmpty);
		const length = [...text].length;
		if (limits.maxLength !== undefined && length > limits.maxLength)
			throw fail(`${noun} is ${length} characters long, Telegram accepts ${limits.maxLength}`);
		return text;
	});
}

export function boolean<P extends string>(param: P, ui: FieldUi): Field<P> {
	return field(param, 'boolean', false, ui, (value) => value === true || value === 'true');
}

export function number<P extends string>(param: P, ui: FieldUi): Field<P> {
	return field(param, 'number', 0, ui, (value, fail) => {
		const number = Number(value);
		if (!Number.isFinite(number))
			throw fail(`${ui.displayName} is not a number: "${String(value)}"`);
		return number;
	});
}

/** One of a list of values (type options), sent as it is. */
export function choice<P extends string>(param: P, ui: FieldUi): Field<P> {
	return field(param, 'options', '', ui, (value) => value);
}

/** A date and time, sent as Unix seconds. */
export function dateTime<P extends string>(param: P, ui: FieldUi): Field<P> {
	return field(param, 'dateTime', '', ui, (value, fail) => {
		const time = new Date(String(value)).getTime();
		if (Number.isNaN(time)) throw fail(`${ui.displayName} is not a date: "${String(value)}"`);
		return Math.floor(time / 1000);
	});
}

/** A JSON value, refused before any request when it does not parse. */
export function json<P extends string>(param: P, ui: FieldUi): Field<P> {
	return field(param, 'json', '', ui, (value, fail) => {
		if (typeof value !== 'string') return value;
		try {
			return jsonParse(value);
		} catch {
			throw fail(`${ui.displayName} is not valid JSON`);
		}
	});
}
