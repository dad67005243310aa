import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';
import { parameter, sameForEveryItem } from './parameters';

const cache = new WeakMap<IExecuteFunctions, Map<number, IDataObject>>();

/**
 * An item's Options collection, read once per item and execution, or once per execution when it
 * holds no expression. A send consults its options in several places; reading them each time
 * is time a broadcast of thousands of items spends before its messages leave. Read-only.
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
	// Options without an expression are one object for every item (read-only, so it may be shared).
	const key = sameForEveryItem(ctx, 'options') ? -1 : itemIndex;
	let options = items.get(key);
	if (!options) {
		options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		items.set(key, options);
	}
	return options as T;
}
