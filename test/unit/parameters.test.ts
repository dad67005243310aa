import type { IDataObject, IExecuteFunctions, INodeParameters } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { parameter } from '../../nodes/shared/parameters';
import { actionContext } from '../harness';

/** What items carry in real flows, and what n8n's expressions do something special with. */
const VALUES: unknown[] = [
	'Policy update',
	'',
	'  spaced  ',
	'ünïcödé 🎉 <b>x</b>',
	'=not an expression',
	'{{ $json.text }}',
	42,
	0,
	-1001234567890,
	1.5,
	Number.MAX_SAFE_INTEGER + 2,
	Number.NaN,
	Number.POSITIVE_INFINITY,
	true,
	false,
	null,
	undefined,
	{ nested: 'object' },
	['a', 1],
];

const MAPPINGS = [
	'={{ $json.text }}',
	'={{$json.text}}',
	"={{ $json['text'] }}",
	'={{ $json["text"] }}',
	'={{   $json.text   }}',
	'={{ $json.text }} ',
	'=Hi {{ $json.text }}',
	'={{ $json.text.length }}',
	'={{ $json.missing }}',
	'={{ $json.constructor }}',
	'={{ $json.__proto__ }}',
];

function contextWith(parameters: INodeParameters, values: unknown[]) {
	const input = values.map((text) => (text === undefined ? {} : { text, chat: text })) as IDataObject[];
	return actionContext({ resource: 'message', operation: 'sendMessage', ...parameters }, input);
}

/** n8n's own answer for item `index`, or the error it throws. */
function n8nReads(ctx: IExecuteFunctions, name: string, index: number, fallback?: unknown) {
	try {
		return { value: ctx.getNodeParameter(name, index, fallback) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

function weRead(ctx: IExecuteFunctions, name: string, index: number, fallback?: unknown) {
	try {
		return { value: parameter(ctx, name, index, fallback) };
	} catch (error) {
		return { error: (error as Error).message };
	}
}

/** Counts n8n's reads: a value taken without asking n8n is what makes a fan-out fast. */
function counted(ctx: IExecuteFunctions) {
	const reads = { count: 0 };
	const original = ctx.getNodeParameter.bind(ctx);
	ctx.getNodeParameter = ((...args: Parameters<IExecuteFunctions['getNodeParameter']>) => {
		reads.count++;
		return original(...args);
	}) as IExecuteFunctions['getNodeParameter'];
	return reads;
}

describe('reading parameters gives what n8n gives', () => {
	for (const text of MAPPINGS) {
		it(`Text ${JSON.stringify(text)}, every kind of value`, () => {
			const ctx = contextWith({ text }, VALUES);
			const expected = VALUES.map((_, index) => n8nReads(ctx, 'text', index));
			const fresh = contextWith({ text }, VALUES);
			const actual = VALUES.map((_, index) => weRead(fresh, 'text', index));
			expect(actual).toStrictEqual(expected);
		});
	}

	it('a chat locator mapped from the item', () => {
		const chatId = { __rl: true, mode: 'id', value: '={{ $json.chat }}' };
		const ctx = contextWith({ chatId }, VALUES);
		const expected = VALUES.map((_, index) => n8nReads(ctx, 'chatId', index));
		const fresh = contextWith({ chatId }, VALUES);
		const actual = VALUES.map((_, index) => weRead(fresh, 'chatId', index));
		expect(actual).toStrictEqual(expected);
	});

	it('a drag-and-drop mapping of a plain value is read from the item, without n8n', () => {
		const ctx = contextWith({ text: '={{ $json.text }}' }, ['a', 7, true, { no: 1 }]);
		const reads = counted(ctx);
		expect([0, 1, 2].map((index) => parameter(ctx, 'text', index))).toStrictEqual(['a', 7, true]);
		expect(reads.count).toBe(0);
		// An object is n8n's to resolve (it may copy or convert it).
		expect(parameter(ctx, 'text', 3)).toStrictEqual({ no: 1 });
		expect(reads.count).toBe(1);
	});

	it('a parameter without expressions is read from n8n once, and each caller gets its own copy', () => {
		const options = { disableNotification: true, additionalChatIds: '1001, 1002' };
		const ctx = contextWith({ options }, ['a', 'b', 'c']);
		const reads = counted(ctx);
		const first = parameter(ctx, 'options', 0, {}) as IDataObject;
		first.disableNotification = false;
		expect(parameter(ctx, 'options', 1, {})).toStrictEqual(options);
		expect(parameter(ctx, 'options', 2, {})).toStrictEqual(options);
		expect(reads.count).toBe(1);
	});

	it('an expression anywhere in a parameter is n8n’s to resolve, item by item', () => {
		const options = { additionalChatIds: '={{ $json.text }}' };
		const ctx = contextWith({ options }, ['1001', '1002']);
		const reads = counted(ctx);
		expect(parameter(ctx, 'options', 0, {})).toStrictEqual({ additionalChatIds: '1001' });
		expect(parameter(ctx, 'options', 1, {})).toStrictEqual({ additionalChatIds: '1002' });
		expect(reads.count).toBe(2);
	});

	it('an unset parameter gives the fallback, as n8n does', () => {
		const ctx = contextWith({}, ['a']);
		expect(parameter(ctx, 'options.parseMode', 0, 'none')).toBe(
			ctx.getNodeParameter('options.parseMode', 0, 'none'),
		);
	});
});
