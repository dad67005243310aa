import type { ApiMethods, Opts } from '@grammyjs/types';
import type { IDataObject } from 'n8n-workflow';

import { callOperation, type CallSpec } from './callOperation';
import type { Field } from './fields';
import type { Example, OperationEntry } from './types';

type Method = keyof ApiMethods<unknown>;
type ParamOf<M extends Method> = Extract<keyof Opts<unknown>[M], string>;

/**
 * A Bot API method called once per item: a row of its resource's table (`<resource>/simple.ts`).
 * The node description, the router, the fault matrix, the per-operation test, the emulator's
 * coverage check and the README's operation table all read it.
 */
export interface Row<M extends Method = Method> {
	/** The `operation` parameter's value: public, never changes. */
	value: string;
	/** "Get Chat": the name in the Operation selector and in errors ("Get Chat failed (400): …"). */
	label: string;
	method: M;
	/** The parameters, in the editor's order; those marked inOptions go into Options. */
	fields: ReadonlyArray<Field<ParamOf<M>>>;
	/** Parameters sent on every call whatever the user sets. */
	fixed?: Partial<Opts<unknown>[M]>;
	/**
	 * `result`: one item with Telegram's result (`{ result }` when it is no object); `each`: one
	 * item per element of a list; `acknowledge`: `{ ok, description }` for methods answering true.
	 */
	output: CallSpec['output'];
	action: string;
	description: string;
	example: Example;
	/** The name in the Operation selector, where it differs from the label. */
	name?: string;
	readme?: OperationEntry['readme'];
}

/** Checks a row against its method's parameters, then forgets the method's type. */
export const row = <M extends Method>(spec: Row<M>): AnyRow => spec as unknown as AnyRow;

export type AnyRow = Omit<Row, 'fields' | 'fixed'> & {
	fields: readonly Field[];
	fixed?: IDataObject;
};

/** A row as an entry of the resource map. */
export function rowEntry(resource: string, spec: AnyRow): OperationEntry {
	const fields = spec.fields;
	const module = callOperation({
		resource,
		operation: spec.value,
		label: spec.label,
		method: spec.method,
		output: spec.output,
		properties: fields.filter((f) => !f.inOptions).flatMap((f) => f.properties),
		options: fields.filter((f) => f.inOptions).flatMap((f) => f.properties),
		body: (ctx, itemIndex) =>
			Object.assign(
				{},
				...fields.map((f) => f.body(ctx, itemIndex, spec.label)),
				spec.fixed,
			) as IDataObject,
	});
	return {
		value: spec.value,
		module,
		action: spec.action,
		description: spec.description,
		name: spec.name,
		method: spec.method,
		example: spec.example,
		output: spec.output,
		readme: spec.readme,
	};
}
