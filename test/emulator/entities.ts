/**
 * Telegram's markup parsers, as the Bot API server (tdlib's MessageEntity.cpp) runs them: the
 * visible text and its entities, or the refusal with Telegram's own words. Offsets in errors are
 * UTF-8 byte offsets into the sent text; entity offsets are UTF-16 units, as in the Bot API.
 */

export interface Entity {
	type: string;
	offset: number;
	length: number;
	url?: string;
	language?: string;
}

export interface Parsed {
	text: string;
	entities: Entity[];
}

/** A refusal: `description` is what Telegram answers after "Bad Request: ". */
export class EntityError extends Error {
	constructor(readonly reason: string) {
		super(`Bad Request: can't parse entities: ${reason}`);
	}
}

/** Telegram answers an unknown parse_mode with `Bad Request: unsupported parse_mode`. */
export class UnsupportedParseMode extends Error {
	constructor() {
		super('Bad Request: unsupported parse_mode');
	}
}

export function parseEntities(text: string, parseMode: string | undefined): Parsed {
	switch (parseMode) {
		case 'HTML':
			return parseHtml(text);
		case 'MarkdownV2':
			return parseMarkdownV2(text);
		case 'Markdown':
			return parseMarkdown(text);
		case undefined:
		case '':
			return { text, entities: [] };
		default:
			throw new UnsupportedParseMode();
	}
}

const encoder = new TextEncoder();
const byteOffset = (text: string, index: number) => encoder.encode(text.slice(0, index)).length;

/** Builds the visible text and entities as the parser walks the input. */
class Output {
	text = '';
	entities: Entity[] = [];
	open(type: string, extra: Partial<Entity> = {}): Entity {
		return { type, offset: this.text.length, length: 0, ...extra };
	}
	close(entity: Entity): void {
		entity.length = this.text.length - entity.offset;
		if (entity.length > 0) this.entities.push(entity);
	}
	result(): Parsed {
		const entities = this.entities.sort((a, b) => a.offset - b.offset || b.length - a.length);
		return { text: this.text, entities };
	}
}

// ---------------------------------------------------------------- HTML

const HTML_TAGS: Record<string, string> = {
	b: 'bold',
	strong: 'bold',
	i: 'italic',
	em: 'italic',
	u: 'underline',
	ins: 'underline',
	s: 'strikethrough',
	strike: 'strikethrough',
	del: 'strikethrough',
	'tg-spoiler': 'spoiler',
	span: 'spoiler',
	a: 'text_link',
	code: 'code',
	pre: 'pre',
	blockquote: 'blockquote',
	'tg-emoji': 'custom_emoji',
};

const NAMED_ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"' };

interface OpenTag {
	name: string;
	entity: Entity;
	attributes: Record<string, string>;
}

function parseHtml(source: string): Parsed {
	const out = new Output();
	const stack: OpenTag[] = [];
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (c === '&') {
			const entity = /^&(?:([a-zA-Z]+)|#(\d+)|#x([0-9a-fA-F]+));/.exec(source.slice(i, i + 12));
			const decoded = entity && decodeEntity(entity);
			if (decoded !== undefined && decoded !== null) {
				out.text += decoded;
				i += entity![0].length;
			} else {
				// Unknown entities stay as they are written.
				out.text += c;
				i++;
			}
			continue;
		}
		if (c !== '<') {
			out.text += c;
			i++;
			continue;
		}
		const begin = i;
		if (source[i + 1] === '/') {
			const top = stack.pop();
			if (!top)
				throw new EntityError(`Unexpected end tag at byte offset ${byteOffset(source, begin)}`);
			const tag = /^<\/([^\s>]*)\s*>/.exec(source.slice(i));
			if (!tag)
				throw new EntityError(`Unclosed end tag at byte offset ${byteOffset(source, begin)}`);
			const end = i + tag[0].length - 1;
			const name = tag[1].toLowerCase();
			// `</>` closes whatever is open.
			if (name && top.name !== name)
				throw new EntityError(
					`Unmatched end tag at byte offset ${byteOffset(source, begin)}, expected "</${top.name}>", found "</${name}>"`,
				);
			closeTag(out, top, stack);
			i = end + 1;
			continue;
		}
		i++;
		const nameStart = i;
		while (i < source.length && !/[\s>]/.test(source[i])) i++;
		if (i >= source.length)
			throw new EntityError(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
		const name = source.slice(nameStart, i).toLowerCase();
		if (!(name in HTML_TAGS))
			throw new EntityError(
				`Unsupported start tag "${name}" at byte offset ${byteOffset(source, begin)}`,
			);
		const { attributes, next } = readAttributes(source, i, name, begin);
		i = next;
		if (name === 'span' && attributes.class !== 'tg-spoiler')
			throw new EntityError('Tag "span" must have class "tg-spoiler"');
		stack.push({ name, attributes, entity: out.open(HTML_TAGS[name]) });
	}
	if (stack.length)
		throw new EntityError(`Can't find end tag corresponding to start tag "${stack.at(-1)!.name}"`);
	return out.result();
}

function decodeEntity(match: RegExpExecArray): string | undefined {
	const [, name, decimal, hex] = match;
	if (name) return NAMED_ENTITIES[name];
	const code = decimal ? parseInt(decimal, 10) : parseInt(hex, 16);
	return code > 0 && code <= 0x10ffff && (code < 0xd800 || code > 0xdfff)
		? String.fromCodePoint(code)
		: undefined;
}

/** Attributes of a start tag: `name="value"`, `name='value'`, `name=value`; only `expandable` may stand alone. */
function readAttributes(
	source: string,
	from: number,
	tag: string,
	begin: number,
): { attributes: Record<string, string>; next: number } {
	const attributes: Record<string, string> = {};
	let i = from;
	for (;;) {
		while (i < source.length && /\s/.test(source[i])) i++;
		if (i >= source.length)
			throw new EntityError(`Unclosed start tag at byte offset ${byteOffset(source, begin)}`);
		if (source[i] === '>') return { attributes, next: i + 1 };
		const nameStart = i;
		while (i < source.length && !/[\s=>]/.test(source[i])) i++;
		const name = source.slice(nameStart, i).toLowerCase();
		if (!name)
			throw new EntityError(
				`Empty attribute name in the tag "${tag}" at byte offset ${byteOffset(source, begin)}`,
			);
		while (i < source.length && /\s/.test(source[i])) i++;
		if (source[i] !== '=') {
			if (tag === 'blockquote' && name === 'expandable') {
				attributes.expandable = '';
				continue;
			}
			throw new EntityError(
				`Expected equal sign in declaration of an attribute of the tag "${tag}" at byte offset ${byteOffset(source, begin)}`,
			);
		}
		i++;
		while (i < source.length && /\s/.test(source[i])) i++;
		const quote = source[i];
		let value: string;
		if (quote === '"' || quote === "'") {
			const end = source.indexOf(quote, i + 1);
			if (end < 0)
				throw new EntityError(
					`Unclosed end of attribute value in the tag "${tag}" at byte offset ${byteOffset(source, begin)}`,
				);
			value = source.slice(i + 1, end);
			i = end + 1;
		} else {
			// Unquoted, a value is a name token: letters, digits, periods and hyphens only.
			const start = i;
			while (i < source.length && /[A-Za-z0-9.-]/.test(source[i])) i++;
			if (i >= source.length || !/[\s>]/.test(source[i]))
				throw new EntityError(
					`Unexpected end of name token at byte offset ${byteOffset(source, start)}`,
				);
			value = source.slice(start, i).toLowerCase();
		}
		attributes[name] = value.replace(/&(lt|gt|amp|quot);/g, (_, n: string) => NAMED_ENTITIES[n]);
	}
}

function closeTag(out: Output, tag: OpenTag, stack: OpenTag[]): void {
	const { entity, attributes } = tag;
	if (tag.name === 'a') {
		// A link without a usable href is plain text, not a refusal.
		if (!attributes.href) return;
		entity.url = attributes.href;
	}
	if (tag.name === 'blockquote' && 'expandable' in attributes)
		entity.type = 'expandable_blockquote';
	if (tag.name === 'code') {
		const parent = stack.at(-1);
		const language = /^language-(.+)$/.exec(attributes.class ?? '')?.[1];
		// <pre><code class="language-x"> is one pre entity with a language.
		if (parent?.name === 'pre' && language) {
			parent.attributes.language = language;
			return;
		}
	}
	if (tag.name === 'pre' && attributes.language) entity.language = attributes.language;
	out.close(entity);
}

// ---------------------------------------------------------------- MarkdownV2

/** Characters MarkdownV2 reserves anywhere outside code: each needs a preceding backslash. */
const RESERVED_V2 = '_*[]()~`>#+-=|{}.!';

interface OpenMarkdown {
	delimiter: string;
	entity: Entity;
	begin: number;
}

function parseMarkdownV2(source: string): Parsed {
	const out = new Output();
	const stack: OpenMarkdown[] = [];
	let quote: Entity | undefined;
	let i = 0;
	const at = (index: number) => byteOffset(source, index);
	while (i < source.length) {
		const c = source[i];
		const top = stack.at(-1);
		const inCode = top?.delimiter === '`' || top?.delimiter === '```';
		if (c === '\\' && i + 1 < source.length && source.charCodeAt(i + 1) <= 126) {
			out.text += source[i + 1];
			i += 2;
			continue;
		}
		if (inCode) {
			if (source.startsWith(top!.delimiter, i)) {
				stack.pop();
				out.close(top!.entity);
				i += top!.delimiter.length;
			} else {
				out.text += c;
				i++;
			}
			continue;
		}
		const lineStart = i === 0 || source[i - 1] === '\n';
		if (lineStart && quote && c !== '>') {
			out.close(quote);
			quote = undefined;
		}
		if (c === '>' && lineStart) {
			quote ??= out.open('blockquote');
			i++;
			continue;
		}
		if (c === '\n' && quote && source[i + 1] !== '>') {
			// The quote ends with its last line; the newline after it is ordinary text.
			out.close(quote);
			quote = undefined;
		}
		if (!RESERVED_V2.includes(c)) {
			out.text += c;
			i++;
			continue;
		}
		const delimiter = source.startsWith('```', i)
			? '```'
			: source.startsWith('__', i)
				? '__'
				: source.startsWith('||', i)
					? '||'
					: c;
		if (top && top.delimiter === delimiter) {
			stack.pop();
			out.close(top.entity);
			i += delimiter.length;
			continue;
		}
		if (delimiter === ']' && top?.delimiter === '[') {
			stack.pop();
			i++;
			if (source[i] === '(') {
				let end = i + 1;
				while (end < source.length && source[end] !== ')') end += source[end] === '\\' ? 2 : 1;
				if (end >= source.length)
					throw new EntityError(`Can't find end of a URL at byte offset ${at(i)}`);
				top.entity.url = source.slice(i + 1, end).replace(/\\([)\\])/g, '$1');
				i = end + 1;
				out.close(top.entity);
			}
			continue;
		}
		const type = V2_TYPES[delimiter];
		if (!type)
			throw new EntityError(
				`Character '${c}' is reserved and must be escaped with the preceding '\\'`,
			);
		const entity = out.open(type);
		i += delimiter.length;
		if (delimiter === '```') {
			const line = /^([^\n`]*)\n/.exec(source.slice(i));
			if (line) {
				if (line[1]) entity.language = line[1];
				i += line[0].length;
			}
		}
		stack.push({ delimiter, entity, begin: i - delimiter.length });
	}
	if (quote) out.close(quote);
	if (stack.length)
		throw new EntityError(
			`Can't find end of the entity starting at byte offset ${at(stack.at(-1)!.begin)}`,
		);
	return out.result();
}

const V2_TYPES: Record<string, string> = {
	'*': 'bold',
	_: 'italic',
	__: 'underline',
	'~': 'strikethrough',
	'||': 'spoiler',
	'`': 'code',
	'```': 'pre',
	'[': 'text_link',
};

// ---------------------------------------------------------------- Markdown (legacy)

const LEGACY_TYPES: Record<string, string> = {
	'*': 'bold',
	_: 'italic',
	'`': 'code',
	'```': 'pre',
	'[': 'text_link',
};

/** Legacy Markdown: `*bold*`, `_italic_`, `` `code` ``, ```` ```pre``` ````, `[text](url)`; no nesting, nothing reserved. */
function parseMarkdown(source: string): Parsed {
	const out = new Output();
	let i = 0;
	while (i < source.length) {
		const c = source[i];
		if (c === '\\' && '_*`['.includes(source[i + 1] ?? '')) {
			out.text += source[i + 1];
			i += 2;
			continue;
		}
		const delimiter = source.startsWith('```', i) ? '```' : c;
		const type = LEGACY_TYPES[delimiter];
		if (!type) {
			out.text += c;
			i++;
			continue;
		}
		const begin = i;
		const closer = delimiter === '[' ? ']' : delimiter;
		const end = source.indexOf(closer, i + delimiter.length);
		if (end < 0)
			throw new EntityError(
				`Can't find end of the entity starting at byte offset ${byteOffset(source, begin)}`,
			);
		const entity = out.open(type);
		let inner = source.slice(i + delimiter.length, end);
		i = end + closer.length;
		if (delimiter === '```') {
			const line = /^([^\n]*)\n/.exec(inner);
			if (line && !/\s/.test(line[1])) {
				if (line[1]) entity.language = line[1];
				inner = inner.slice(line[0].length);
			}
		}
		if (delimiter === '[') {
			const url = /^\(([^)]*)\)/.exec(source.slice(i));
			if (url) {
				entity.url = url[1];
				i += url[0].length;
			}
		}
		out.text += inner;
		if (entity.type !== 'text_link' || entity.url) out.close(entity);
	}
	return out.result();
}
