/**
 * A Bot API token is `<bot id>:<35 chars of A-Za-z0-9_->`. Anything that looks like one, or like
 * a URL path carrying one, is masked before text can reach a message, a log line or an item.
 */
const TOKEN_PATTERN = /\d{3,}:[A-Za-z0-9_-]{20,}/g;

export function redact(text: string, ...secrets: Array<string | undefined>): string {
	let out = text.replace(TOKEN_PATTERN, (token) => `${token.split(':')[0]}:***`);
	for (const secret of secrets) {
		if (!secret) continue;
		const parts = [secret, ...secret.split(':').filter((part) => part.length >= 8)];
		for (const part of parts) out = out.split(part).join('***');
	}
	return out;
}
