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

/**
 * Every piece of the token that must not appear: the whole token and each run of 8 characters of
 * its secret half (any longer run contains one). The bot ID before the colon is public.
 */
export function tokenFragments(token = DEFAULT_TOKEN): string[] {
	const secret = token.slice(token.indexOf(':') + 1);
	const fragments = new Set([token]);
	for (let at = 0; at + FRAGMENT <= secret.length; at++)
		fragments.add(secret.slice(at, at + FRAGMENT));
	return [...fragments];
}

const FRAGMENT = 8;

/** The token or fragments of it found in anything serialisable (errors, items, logs, file contents). */
export function tokenLeaks(value: unknown, token = DEFAULT_TOKEN): string[] {
	const text = Buffer.isBuffer(value) ? value.toString('latin1') : serialiseDeep(value);
	return tokenFragments(token).filter((needle) => text.includes(needle));
}
