import { DEFAULT_TOKEN } from './emulator/server';

/** Every serialised form an error or item can take: message, description, stack, cause chain, own fields. */
export function serialiseDeep(value: unknown, seen = new Set<unknown>()): string {
	if (value === null || value === undefined) return String(value);
	if (typeof value !== 'object') return String(value);
	if (seen.has(value)) return '';
	seen.add(value);
	const parts: string[] = [];
	for (const key of Object.getOwnPropertyNames(value)) {
		parts.push(key, serialiseDeep((value as Record<string, unknown>)[key], seen));
	}
	const cause = (value as { cause?: unknown }).cause;
	if (cause) parts.push(serialiseDeep(cause, seen));
	try {
		parts.push(JSON.stringify(value));
	} catch {
		// circular structures are covered by the walk above
	}
	return parts.join('\n');
}

export function tokenLeaks(value: unknown, token = DEFAULT_TOKEN): string[] {
	const text = serialiseDeep(value);
	const secretHalf = token.split(':')[1];
	return [token, secretHalf].filter((needle) => text.includes(needle));
}
