/** Telegram's HTML needs only these three escaped in text (and `"` inside an attribute). */
export function escapeHtml(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function escapeAttribute(text: string): string {
	return escapeHtml(text).replace(/"/g, '&quot;');
}

/** Schemes Telegram turns into a tappable link; anything else stays visible as text. */
const LINK_SCHEME = /^(?:https?:\/\/|tg:\/\/|mailto:)[^\s<>]+$/i;

export function isLinkable(href: string): boolean {
	return LINK_SCHEME.test(href);
}

/** A code block's language as Telegram's `class="language-…"` takes it; odd characters drop it. */
export function codeLanguage(lang: string | undefined): string | undefined {
	const first = lang?.trim().split(/\s+/)[0];
	return first && /^[\w#+.-]{1,32}$/.test(first) ? first : undefined;
}
