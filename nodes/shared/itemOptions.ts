import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { parameter } from './parameters';

const cache = new WeakMap<IExecuteFunctions, Map<number, IDataObject>>();

/**
 * An item's Options collection, read from n8n once per item and execution. Reading a parameter
 * resolves its expressions each time, and a send consults its options in several places: for a
 * broadcast of thousands of items that is time before the first message leaves. Read-only.
 */
export function itemOptions<T extends object = IDataObject>(
	ctx: IExecuteFunctions,
	itemIndex: number,
): Readonly<T> {
	let items = cache.get(ctx);
	if (!items) {
		items = new Map();
		cache.set(ctx, items);
	}
	let options = items.get(itemIndex);
	if (!options) {
		options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		items.set(itemIndex, options);
	}
	return options as T;
}
