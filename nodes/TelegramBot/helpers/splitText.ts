/** Telegram's limits, counted after markup is parsed, in UTF-16 units (always within its code-point count). */
export const TEXT_LIMIT = 4096;
export const CAPTION_LIMIT = 1024;

interface Token {
	raw: string;
	/** Length the token has once Telegram has parsed the markup. */
	visible: number;
	/** Markup that opens or closes an entity; `close` is what ends it (`</b>`, `*`). */
	tag?: { name: string; closing: boolean; close: string };
}

const HTML_TOKEN =
	/<\/?[a-zA-Z][a-zA-Z0-9-]*(?:\s[^>]*)?>|&(?:[a-zA-Z]+|#\d+|#x[0-9a-fA-F]+);|[\s\S]/gu;
const PLAIN_TOKEN = /[\s\S]/gu;
/** Escapes, code fences with their language line, entity delimiters, whole links, characters. */
const MARKDOWN_V2_TOKEN =
	/\\[\s\S]|```[^\n`]*\n?|`|\|\||__|[*_~]|\[(?:\\[\s\S]|[^\]\\\n])*\]\([^)\s]*\)|[\s\S]/uy;
const MARKDOWN_TOKEN = /\\[\s\S]|```[^\n`]*\n?|`|[*_]|\[[^\]\n]*\]\([^)\s]*\)|[\s\S]/uy;
/** Inside code only the fence or backtick that closes it (and escapes) mean anything. */
const CODE_TOKEN = /\\[\s\S]|```|`|[\s\S]/uy;

function tokenize(text: string, parseMode: string | undefined): Token[] {
	return [...tokens(text, parseMode)];
}

/** The text's tokens one at a time, so a count can stop early without tokenising a whole book. */
function* tokens(text: string, parseMode: string | undefined): Generator<Token> {
	if (parseMode === 'HTML') {
		for (const [raw] of text.matchAll(HTML_TOKEN)) {
			const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(raw);
			if (!tag) {
				yield { raw, visible: raw.startsWith('&') ? 1 : raw.length };
				continue;
			}
			const name = tag[2].toLowerCase();
			yield { raw, visible: 0, tag: { name, closing: tag[1] === '/', close: `</${name}>` } };
		}
		return;
	}
	if (parseMode === 'MarkdownV2' || parseMode === 'Markdown') {
		yield* tokenizeMarkdown(text, parseMode === 'MarkdownV2' ? MARKDOWN_V2_TOKEN : MARKDOWN_TOKEN);
		return;
	}
	for (const [raw] of text.matchAll(PLAIN_TOKEN)) yield { raw, visible: raw.length };
}

/**
 * Markdown delimiters toggle: the same `*` opens and closes bold. An escape such as `\\.` is one
 * visible character, a link counts as its text, and neither is ever cut in two.
 */
function* tokenizeMarkdown(text: string, pattern: RegExp): Generator<Token> {
	const open = new Set<string>();
	let code: string | undefined;
	for (let index = 0; index < text.length; ) {
		const matcher = code ? CODE_TOKEN : pattern;
		matcher.lastIndex = index;
		const raw = matcher.exec(text)![0];
		index += raw.length;
		const name = raw.startsWith('```') ? '```' : raw;
		const delimiter = code ? name === code : isDelimiter(name);
		if (!delimiter) {
			yield { raw, visible: visibleMarkdown(raw) };
			continue;
		}
		const closing = code === name || open.has(name);
		if (name === '```' || name === '`') code = closing ? undefined : name;
		else if (closing) open.delete(name);
		else open.add(name);
		yield { raw, visible: 0, tag: { name, closing, close: name } };
	}
}

function isDelimiter(raw: string): boolean {
	return ['```', '`', '||', '__', '*', '_', '~'].includes(raw);
}

function visibleMarkdown(raw: string): number {
	if (raw.startsWith('\\') && raw.length > 1) return raw.length - 1;
	const link = /^\[((?:\\[\s\S]|[^\]])*)\]\(/.exec(raw);
	return link ? link[1].replace(/\\([\s\S])/g, '$1').length : raw.length;
}

/** Where a cut is best: after a blank line, then a line break, then a space. */
function breakRank(token: Token): number {
	if (token.raw === '\n') return 2;
	if (token.raw === ' ' || token.raw === '\t') return 1;
	return 0;
}

export interface TextPart {
	text: string;
}

/**
 * Splits a text into messages Telegram accepts: each part at most `limit` long after parsing,
 * cut at a paragraph, else a line, else a word boundary; never inside a surrogate pair, an HTML
 * tag or entity, a Markdown escape or link. Entities open at a cut (HTML tags, MarkdownV2 `*bold*`,
 * code blocks) are closed at the end of the part and reopened at the start of the next, so every
 * part is balanced on its own.
 */
export function splitText(
	text: string,
	parseMode: string | undefined,
	limit = TEXT_LIMIT,
): string[] {
	const tokens = tokenize(text, parseMode);
	const parts: string[] = [];
	let start = 0;
	let open: Token[] = [];
	while (start < tokens.length) {
		const { end, stack } = fillPart(tokens, start, open, limit);
		const body = [...open, ...tokens.slice(start, end)].map((t) => t.raw).join('');
		const closing = [...stack]
			.reverse()
			.map((t) => t.tag!.close)
			.join('');
		const piece = (body.replace(/\s+$/u, '') + closing).trim();
		if (piece) parts.push(piece);
		open = stack;
		start = end;
		while (start < tokens.length && /^\s$/u.test(tokens[start].raw)) start++;
	}
	return parts.length ? parts : [text];
}

/** The longest run of tokens from `start` that fits, ending at the best boundary found. */
function fillPart(
	tokens: Token[],
	start: number,
	reopened: Token[],
	limit: number,
): { end: number; stack: Token[] } {
	const stack = [...reopened];
	let visible = 0;
	let best = { end: -1, score: -1, stack: stack };
	let index = start;
	for (; index < tokens.length; index++) {
		const token = tokens[index];
		if (visible + token.visible > limit) break;
		visible += token.visible;
		if (token.tag) {
			if (token.tag.closing) {
				const at = stack.map((t) => t.tag!.name).lastIndexOf(token.tag.name);
				if (at >= 0) stack.splice(at, 1);
			} else stack.push(token);
			continue;
		}
		const rank =
			breakRank(token) + (breakRank(token) === 2 && tokens[index - 1]?.raw === '\n' ? 1 : 0);
		// A paragraph break early in the part loses to a line or word break near the limit.
		const score = visible >= limit / 2 ? rank : rank / 10;
		if (rank > 0 && score >= best.score) best = { end: index + 1, score, stack: [...stack] };
	}
	if (index >= tokens.length) return { end: tokens.length, stack };
	// No boundary at all (one enormous word): cut at the limit, still between whole tokens.
	if (best.end <= start) return { end: Math.max(index, start + 1), stack };
	return { end: best.end, stack: best.stack };
}

const HTML_CLOSERS = /(?:<\/[a-zA-Z-]+>)*$/;
const MARKDOWN_CLOSERS = /(?<!\\)(?:```|`|\|\||__|[*_~])*$/;

/** First part only, with an ellipsis before the closing tags. */
export function truncateText(
	text: string,
	parseMode: string | undefined,
	limit = TEXT_LIMIT,
): string {
	// The first part never reaches past this much of the text: the rest is not tokenised at all.
	const head = text.slice(0, limit * MARKUP_ALLOWANCE);
	const [first] = splitText(head, parseMode, limit - 1);
	if (first === text) return text;
	const closers = parseMode === 'HTML' ? HTML_CLOSERS : parseMode ? MARKDOWN_CLOSERS : /$/;
	const closing = closers.exec(first)?.[0] ?? '';
	return `${first.slice(0, first.length - closing.length)}…${closing}`;
}

/** Visible length after markup is parsed; with `stopAfter`, counting ends once it is passed. */
export function visibleLength(
	text: string,
	parseMode: string | undefined,
	stopAfter = Infinity,
): number {
	if (!parseMode) return text.length;
	let length = 0;
	for (const token of tokens(text, parseMode)) {
		length += token.visible;
		if (length > stopAfter) break;
	}
	return length;
}

/** How many messages one text may become unless the node's Long Text Part Limit says otherwise. */
export const DEFAULT_MAX_PARTS = 20;

/** Markup a part may carry beyond its visible characters before the text is refused unread. */
const MARKUP_ALLOWANCE = 10;

/**
 * The text split as splitText does, or, when that would take more than `maxParts` parts, how many
 * it would take at least. The length is checked before anything is split, and counting stops past
 * the limit: a text of megabytes is refused at once instead of being cut into thousands of parts
 * while n8n waits.
 */
export function splitWithin(
	text: string,
	parseMode: string | undefined,
	limit: number,
	maxParts: number,
): { parts: string[] } | { needed: number } {
	const ceiling = limit * maxParts;
	// Visible length never exceeds the raw length; with markup, only a bounded overhead is read.
	if (text.length > ceiling * (parseMode ? MARKUP_ALLOWANCE : 1))
		return { needed: parseMode ? maxParts + 1 : Math.ceil(text.length / limit) };
	const visible = visibleLength(text, parseMode, ceiling);
	if (visible > ceiling) return { needed: Math.ceil(visible / limit) };
	const parts = splitText(text, parseMode, limit);
	return parts.length > maxParts ? { needed: parts.length } : { parts };
}
