import {
	Lexer,
	type MarkedOptions,
	type Token,
	type TokenizerExtension,
	type Tokens,
} from 'marked';

import { codeLanguage, escapeAttribute, escapeHtml, isLinkable } from './html';
import { renderTable } from './table';

/** `||hidden||`, as Telegram's own MarkdownV2 writes a spoiler. */
const spoiler: TokenizerExtension = {
	name: 'spoiler',
	level: 'inline',
	start: (src) => src.indexOf('||'),
	tokenizer(src) {
		const match = /^\|\|(?=\S)([\s\S]*?\S)\|\|/.exec(src);
		if (!match) return undefined;
		return { type: 'spoiler', raw: match[0], tokens: this.lexer.inlineTokens(match[1]) };
	},
};

const LEXER_OPTIONS: MarkedOptions = {
	gfm: true,
	extensions: {
		renderers: {},
		childTokens: {},
		inline: [spoiler.tokenizer],
		startInline: [spoiler.start!],
	},
};

/** A quote longer than this (visible characters) or than LONG_QUOTE_LINES is sent collapsed. */
const LONG_QUOTE_CHARS = 600;
const LONG_QUOTE_LINES = 8;
const BULLETS = ['•', '◦', '▪'];

interface Context {
	/** Telegram allows neither a quote in a quote nor a link in a link. */
	inQuote?: boolean;
	inLink?: boolean;
	depth: number;
}

/**
 * Standard Markdown (CommonMark and GitHub's extensions, as people and AI models write it) as
 * Telegram HTML. Telegram's HTML needs only `< > &` escaped, so every character of the input is
 * either markup marked recognised or escaped text: whatever the input, Telegram can parse the output.
 * What Telegram cannot show degrades readably: headings become bold lines, lists bullets and
 * numbers, tables a monospaced block, images links, raw HTML visible text.
 */
export function markdownToTelegramHtml(markdown: string): string {
	const tokens = new Lexer(LEXER_OPTIONS).lex(markdown.replace(/\r\n?/g, '\n'));
	const html = blocks(tokens, { depth: 0 }).trim();
	// Nothing visible left (only a link definition, a comment, a <br>): Telegram would refuse it as empty.
	const visible = html.replace(/<[^>]*>/g, '').trim();
	return visible ? html : escapeHtml(markdown.trim());
}

function blocks(tokens: Token[], ctx: Context, separator = '\n\n'): string {
	return tokens
		.map((token) => block(token, ctx))
		.filter((text) => text !== '')
		.join(separator);
}

function block(token: Token, ctx: Context): string {
	switch (token.type) {
		case 'space':
		case 'def':
			return '';
		case 'paragraph':
		case 'text':
			return 'tokens' in token && token.tokens ? inline(token.tokens, ctx) : escapeHtml(token.raw);
		case 'heading':
			return `<b>${inline((token as Tokens.Heading).tokens, ctx)}</b>`;
		case 'hr':
			return '──────────';
		case 'code':
			return codeBlock(token as Tokens.Code, ctx);
		case 'blockquote':
			return quote(token as Tokens.Blockquote, ctx);
		case 'list':
			return list(token as Tokens.List, ctx);
		case 'table':
			return renderTable(token as Tokens.Table, (cell) => plainText(cell.tokens));
		case 'html':
			return escapeHtml(token.raw.trim());
		default:
			return escapeHtml(token.raw);
	}
}

function codeBlock(token: Tokens.Code, ctx: Context): string {
	const code = escapeHtml(token.text);
	// A pre block cannot sit inside a quote; the lines stay, monospaced one by one.
	if (ctx.inQuote)
		return code
			.split('\n')
			.map((line) => (line ? `<code>${line}</code>` : ''))
			.join('\n');
	const language = codeLanguage(token.lang);
	return language
		? `<pre><code class="language-${language}">${code}</code></pre>`
		: `<pre>${code}</pre>`;
}

function quote(token: Tokens.Blockquote, ctx: Context): string {
	const inner = blocks(token.tokens, { ...ctx, inQuote: true });
	if (ctx.inQuote) return inner.replace(/^/gm, '» ');
	const visible = plainText(token.tokens);
	const long = visible.length > LONG_QUOTE_CHARS || visible.split('\n').length > LONG_QUOTE_LINES;
	return long
		? `<blockquote expandable>${inner}</blockquote>`
		: `<blockquote>${inner}</blockquote>`;
}

function list(token: Tokens.List, ctx: Context): string {
	const start = typeof token.start === 'number' ? token.start : 1;
	const indent = '   '.repeat(ctx.depth);
	return token.items
		.map((item, index) => {
			const marker = token.ordered ? `${start + index}.` : BULLETS[ctx.depth % BULLETS.length];
			const box = item.task ? (item.checked ? '☑ ' : '☐ ') : '';
			const body = blocks(
				item.tokens.filter((child) => child.type !== 'checkbox'),
				{ ...ctx, depth: ctx.depth + 1 },
				item.loose ? '\n\n' : '\n',
			);
			// Continuation lines of the item (nested lists carry their own indent) line up under its text.
			return `${indent}${marker} ${box}${body.replace(/\n(?!\s*(?:[•◦▪]|\d+\.) )(?=.)/g, `\n${indent}   `)}`;
		})
		.join(token.loose ? '\n\n' : '\n');
}

function inline(tokens: Token[], ctx: Context): string {
	return tokens.map((token) => inlineToken(token, ctx)).join('');
}

function inlineToken(token: Token, ctx: Context): string {
	const children = () => inline((token as { tokens?: Token[] }).tokens ?? [], ctx);
	switch (token.type) {
		case 'strong':
			return `<b>${children()}</b>`;
		case 'em':
			return `<i>${children()}</i>`;
		case 'del':
			return `<s>${children()}</s>`;
		case 'spoiler':
			return `<tg-spoiler>${children()}</tg-spoiler>`;
		case 'codespan':
			// A link's text cannot hold a code entity in Telegram.
			return ctx.inLink ? escapeHtml(token.text) : `<code>${escapeHtml(token.text)}</code>`;
		case 'br':
			return '\n';
		case 'link':
			return link(token as Tokens.Link, ctx);
		case 'image':
			return image(token as Tokens.Image, ctx);
		case 'text':
			return 'tokens' in token && token.tokens ? children() : escapeHtml(token.text);
		case 'escape':
			return escapeHtml(token.text);
		case 'checkbox':
			return '';
		case 'html':
			// Models write <br> for a line break (in tables too); any other tag stays visible.
			return /^<br\s*\/?>$/i.test(token.raw) ? '\n' : escapeHtml(token.raw);
		default:
			// Inline HTML and anything marked adds later: shown as written.
			return escapeHtml(token.raw);
	}
}

function link(token: Tokens.Link, ctx: Context): string {
	const text = inline(token.tokens, { ...ctx, inLink: true });
	if (ctx.inLink || !isLinkable(token.href)) {
		const shown = plainText(token.tokens);
		return shown === token.href || !token.href ? text : `${text} (${escapeHtml(token.href)})`;
	}
	return `<a href="${escapeAttribute(token.href)}">${text || escapeHtml(token.href)}</a>`;
}

function image(token: Tokens.Image, ctx: Context): string {
	const label = escapeHtml(token.text || 'image');
	if (ctx.inLink || !isLinkable(token.href)) return `🖼 ${label}`;
	return `🖼 <a href="${escapeAttribute(token.href)}">${label}</a>`;
}

/** The text a reader sees, without any markup (table cells, quote length). */
function plainText(tokens: Token[]): string {
	return tokens
		.map((token) => {
			const nested = (token as { tokens?: Token[] }).tokens;
			if (nested) return plainText(nested);
			if (token.type === 'list')
				return (token as Tokens.List).items.map((i) => plainText(i.tokens)).join('\n');
			if (token.type === 'space') return '\n';
			return 'text' in token && typeof token.text === 'string' ? token.text : token.raw;
		})
		.join('');
}
