import type { IDataObject } from 'n8n-workflow';

import { markdownToTelegramHtml } from './markdown/toTelegramHtml';

/** The parse mode Telegram gets: standard Markdown is sent as the HTML it was converted to. */
export function telegramParseMode(parseMode: string | undefined): string | undefined {
	if (!parseMode || parseMode === 'none') return undefined;
	return parseMode === 'commonMark' ? 'HTML' : parseMode;
}

/** The text as Telegram should receive it under the chosen parse mode. */
export function formatText(text: string, parseMode: string | undefined): string {
	return parseMode === 'commonMark' && text ? markdownToTelegramHtml(text) : text;
}

/** The tags Telegram's HTML knows: dropped in plain text; anything else looking like a tag was meant as text. */
const TELEGRAM_TAG =
	/<\/?(?:b|strong|i|em|u|ins|s|strike|del|span|tg-spoiler|a|code|pre|blockquote|tg-emoji)(?:\s[^<>]*)?>/gi;

/**
 * What the reader would have seen, without markup: Telegram's tags dropped and entities decoded,
 * Markdown escapes undone. Sent without a parse mode, so Telegram cannot refuse it again.
 */
export function plainTextOf(text: string, parseMode: string): string {
	if (parseMode === 'HTML') {
		return text
			.replace(TELEGRAM_TAG, '')
			.replace(/&(lt|gt|quot|amp|#\d+|#x[0-9a-fA-F]+);/g, (_, name: string) => decode(name));
	}
	return text.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}

function decode(name: string): string {
	const named: Record<string, string> = { lt: '<', gt: '>', quot: '"', amp: '&' };
	if (name in named) return named[name];
	const code = name[1] === 'x' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
	return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : `&${name};`;
}

/** The same send without formatting: text and captions (an album's too) as plain text, no parse mode. */
export function withoutFormatting(body: IDataObject): IDataObject {
	const mode = typeof body.parse_mode === 'string' ? body.parse_mode : undefined;
	const plain: IDataObject = { ...body };
	delete plain.parse_mode;
	if (mode) {
		for (const field of ['text', 'caption'])
			if (typeof plain[field] === 'string')
				plain[field] = plainTextOf(plain[field] as string, mode);
	}
	if (Array.isArray(plain.media))
		plain.media = (plain.media as IDataObject[]).map(withoutFormatting);
	return plain;
}

/** Whether a send carries markup that Telegram could refuse. */
export function hasFormatting(body: IDataObject): boolean {
	if (typeof body.parse_mode === 'string') return true;
	return (
		Array.isArray(body.media) && (body.media as IDataObject[]).some((item) => !!item.parse_mode)
	);
}
