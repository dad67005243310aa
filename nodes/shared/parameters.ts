import type {
	IDataObject,
	IExecuteFunctions,
	IGetNodeParameterOptions,
	INodeParameters,
	NodeParameterValueType,
} from 'n8n-workflow';
import { deepCopy } from 'n8n-workflow';

/**
 * Reading a parameter through n8n costs a fraction of a millisecond even without an expression
 * (the node is copied, the value walked and validated) and about 0.3 ms per expression (n8n builds
 * a data proxy and a global context, `$now` included, for each one). A fan-out of 10,000 items
 * reads a few parameters per item: seconds before the last message may leave, and more than
 * Telegram's paid ceiling of 1,000 messages a second allows. Two cases give n8n's own answer
 * without asking n8n again:
 * - a parameter with no expression in it is the same for every item: read once per execution;
 * - a mapping as the editor writes it when a field is dragged in, `{{ $json.chat }}` or
 *   `{{ $json['chat id'] }}` and nothing else, is the item's field as it is, when that field is a
 *   string, a finite number or a boolean.
 * Everything else (any other expression, an object, a missing field) goes to n8n, item by item.
 * `test/unit/parameters.test.ts` compares both paths on the same items.
 */
export function parameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
	options?: IGetNodeParameterOptions,
): NodeParameterValueType | object {
	const state = stateOf(ctx);
	const raw = rawParameter(state.parameters, name);
	if (raw !== undefined && !options) {
		const mapped = mappedField(state, raw, itemIndex);
		if (mapped !== undefined) return mapped;
	}
	if (raw === undefined || options || hasExpression(raw))
		return ctx.getNodeParameter(name, itemIndex, fallback, options);
	let value = state.constant.get(name);
	if (value === undefined) {
		value = { read: ctx.getNodeParameter(name, itemIndex, fallback) };
		state.constant.set(name, value);
	}
	// n8n hands out a copy each time; a caller may change what it gets.
	return typeof value.read === 'object' && value.read !== null ? deepCopy(value.read) : value.read;
}

/**
 * Whether the parameter reads the same for every item: it holds no expression (or is not set).
 * A caller that keeps what it read read-only may then share one read across items.
 */
export function sameForEveryItem(ctx: IExecuteFunctions, name: string): boolean {
	const raw = rawParameter(stateOf(ctx).parameters, name);
	return raw === undefined || !hasExpression(raw);
}

interface ReadState {
	parameters: INodeParameters;
	items: Array<{ json: IDataObject }>;
	constant: Map<string, { read: NodeParameterValueType | object }>;
}

const states = new WeakMap<IExecuteFunctions, ReadState>();

function stateOf(ctx: IExecuteFunctions): ReadState {
	let state = states.get(ctx);
	if (!state) {
		// `getNode()` copies the whole node each call: once per execution is enough.
		state = {
			parameters: ctx.getNode().parameters,
			items: ctx.getInputData(),
			constant: new Map(),
		};
		states.set(ctx, state);
	}
	return state;
}

/** The parameter as saved in the workflow, or undefined when it is not (n8n then uses the fallback). */
function rawParameter(parameters: INodeParameters, name: string): unknown {
	let value: unknown = parameters;
	for (const part of name.split('.')) {
		if (typeof value !== 'object' || value === null || !hasOwn(value, part)) return undefined;
		value = (value as IDataObject)[part];
	}
	return value;
}

function hasExpression(value: unknown): boolean {
	if (typeof value === 'string') return value.startsWith('=');
	if (Array.isArray(value)) return value.some(hasExpression);
	if (typeof value === 'object' && value !== null) return Object.values(value).some(hasExpression);
	return false;
}

/** `={{ $json.name }}`, `={{ $json["name"] }}` or `={{ $json['name'] }}`, spaces inside the braces allowed. */
const FIELD_MAPPING =
	/^=\{\{\s*\$json(?:\.([A-Za-z_$][\w$]*)|\[\s*(?:"([^"\\]*)"|'([^'\\]*)')\s*\])\s*\}\}$/;

/**
 * The item's field for a whole-value mapping (also as a resource locator's value), or undefined
 * when n8n has to evaluate it.
 */
function mappedField(state: ReadState, raw: unknown, itemIndex: number): unknown {
	const locator = isLocator(raw) ? raw : undefined;
	const expression = locator ? locator.value : raw;
	if (typeof expression !== 'string') return undefined;
	const match = FIELD_MAPPING.exec(expression);
	if (!match) return undefined;
	const field = match[1] ?? match[2] ?? match[3];
	const json = itemJson(state, itemIndex);
	if (!json || !hasOwn(json, field)) return undefined;
	const value = json[field];
	const plain =
		typeof value === 'string' ||
		typeof value === 'boolean' ||
		(typeof value === 'number' && Number.isFinite(value));
	if (!plain) return undefined;
	return locator ? { ...locator, value } : value;
}

function isLocator(raw: unknown): raw is IDataObject & { value: unknown } {
	return (
		typeof raw === 'object' &&
		raw !== null &&
		(raw as IDataObject).__rl === true &&
		Object.entries(raw).every(([key, value]) => key === 'value' || !hasExpression(value))
	);
}

/** `$json`: the item at this index of the node's input, as n8n's data proxy takes it. */
function itemJson(state: ReadState, itemIndex: number): IDataObject | undefined {
	return state.items[itemIndex]?.json;
}

function hasOwn(object: object, key: string): boolean {
	return Object.prototype.hasOwnProperty.call(object, key);
}
