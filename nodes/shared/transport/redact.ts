/**
 * A Bot API token is `<bot id>:<35 chars of A-Za-z0-9_->`. Anything that looks like one, or like
 * a URL path carrying one, is masked before text can reach a message, a log line or an item.
 */
const TOKEN_PATTERN = /\d{3,}:[A-Za-z0-9_-]{20,}/g;

/**
 * A run this long of the secret half counts as the token: a text cut inside the token (a summary,
 * a log line) must not keep a usable piece of it. The bot ID before the colon is public.
 */
export const SECRET_FRAGMENT = 8;

/** The distinct runs of SECRET_FRAGMENT characters of one secret: what a text must not contain. */
type Fragments = string[];

function fragmentsOf(secret: string): Fragments {
	const grams = new Set<string>();
	for (let at = 0; at + SECRET_FRAGMENT <= secret.length; at++)
		grams.add(secret.slice(at, at + SECRET_FRAGMENT));
	return [...grams];
}

/** Every run of SECRET_FRAGMENT or more characters of a secret, as [start, end) ranges of `text`. */
function secretRanges(text: string, fragments: Fragments): Array<[number, number]> {
	const ranges: Array<[number, number]> = [];
	for (const gram of fragments)
		for (let found = text.indexOf(gram); found >= 0; found = text.indexOf(gram, found + 1))
			ranges.push([found, found + SECRET_FRAGMENT]);
	return ranges;
}

/** The parts of a credential that are secret: the whole token and the half after the colon. */
function secretHalves(secrets: Array<string | undefined>): string[] {
	const halves: string[] = [];
	for (const secret of secrets) {
		if (!secret) continue;
		const colon = secret.indexOf(':');
		halves.push(colon >= 0 ? secret.slice(colon + 1) : secret);
	}
	return halves;
}

/**
 * Masks tokens and fragments of the given secrets. Made once for many texts (every string of an
 * output item, every item of a run): the secret's fragments are cut once, not once per string.
 */
/** Texts up to this length are remembered, up to this many: a run's repeated keys and names. */
const KNOWN_LENGTH = 64;
const KNOWN_KEPT = 2000;

export class Redactor {
	private readonly secrets: Fragments[];
	/** Short texts seen before (keys, names, chat titles): the items of a run repeat them. */
	private readonly known = new Map<string, string>();

	constructor(...secrets: Array<string | undefined>) {
		this.secrets = secretHalves(secrets)
			.filter((half) => half.length >= SECRET_FRAGMENT)
			.map(fragmentsOf);
	}

	text(text: string): string {
		// Shorter than a fragment: nothing to mask (most values).
		if (text.length < SECRET_FRAGMENT) return text;
		if (text.length > KNOWN_LENGTH) return this.masked(text);
		let out = this.known.get(text);
		if (out === undefined) {
			out = this.masked(text);
			if (this.known.size < KNOWN_KEPT) this.known.set(text, out);
		}
		return out;
	}

	private masked(text: string): string {
		let out = text.includes(':')
			? text.replace(TOKEN_PATTERN, (token) => `${token.split(':')[0]}:***`)
			: text;
		for (const fragments of this.secrets) {
			const ranges = secretRanges(out, fragments).sort((a, b) => a[0] - b[0]);
			if (!ranges.length) continue;
			let masked = '';
			let copied = 0;
			for (const [start, end] of ranges) {
				if (end <= copied) continue;
				if (start >= copied) masked += `${out.slice(copied, start)}***`;
				copied = end;
			}
			out = masked + out.slice(copied);
		}
		return out;
	}

	/**
	 * A copy of JSON-like data with every string redacted (keys too): what an operation puts into
	 * an output item never carries the token, whatever the server answered.
	 */
	deep<T>(value: T): T {
		if (typeof value === 'string') return this.text(value) as T;
		if (Array.isArray(value)) return value.map((entry) => this.deep(entry)) as T;
		if (value === null || typeof value !== 'object') return value;
		if (!isPlainObject(value)) return value;
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value)) out[this.text(key)] = this.deep(entry);
		return out as T;
	}
}

export function redact(text: string, ...secrets: Array<string | undefined>): string {
	return new Redactor(...secrets).text(text);
}

/** Redacted, then cut to `max` characters: a cut never leaves the start of a token behind. */
export function redactBounded(
	text: string,
	max: number,
	...secrets: Array<string | undefined>
): string {
	const clean = redact(text, ...secrets);
	return clean.length > max ? `${clean.slice(0, max - 3)}...` : clean;
}

function isPlainObject(value: object): boolean {
	const prototype = Object.getPrototypeOf(value) as unknown;
	return prototype === Object.prototype || prototype === null;
}
