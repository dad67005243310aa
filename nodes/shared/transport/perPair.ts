/**
 * What `make` returns for the pair (`first`, `second`), made once and kept as long as both live:
 * the transport shares per-pair objects (combined signals, request contexts) across the thousand
 * requests a second of a broadcast instead of making one per request.
 */
export function perPair<A extends object, B extends object, V>(
	cache: WeakMap<A, WeakMap<B, V>>,
	first: A,
	second: B,
	make: () => V,
): V {
	let bySecond = cache.get(first);
	if (!bySecond) {
		bySecond = new WeakMap();
		cache.set(first, bySecond);
	}
	let value = bySecond.get(second);
	if (value === undefined) {
		value = make();
		bySecond.set(second, value);
	}
	return value;
}
