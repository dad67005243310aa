/** Telegram's rule for `secret_token`: 1–256 characters of A-Z, a-z, 0-9, _ and -. */
export const SECRET_TOKEN_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

/**
 * Telegram's cloud posts only to HTTPS; a self-hosted Bot API server (reached over http on a
 * private network, usually run with --local) also posts to plain-HTTP URLs.
 * Returns the reason a URL is refused, or undefined when it is acceptable.
 */
export function webhookUrlProblem(url: string, serverUrl: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return `"${url}" is not a URL`;
	}
	const selfHosted = serverUrl.startsWith('http://');
	if (parsed.protocol === 'https:') return undefined;
	if (parsed.protocol === 'http:' && selfHosted) return undefined;
	return selfHosted
		? `"${url}" must start with http:// or https://`
		: `Telegram only posts to HTTPS URLs, and "${url}" is not one. Put n8n behind HTTPS, or use a self-hosted Bot API server (an http:// Server URL in the credential) which also accepts plain HTTP.`;
}
