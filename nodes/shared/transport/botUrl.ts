/**
 * Where the Bot API lives, for the transport and for the credential that signs its requests.
 * The credential imports this file alone, not the transport's index: it needs no client, and its
 * bundle stays free of what the client brings (node:crypto for bot keys). No imports here.
 */

/** Telegram's cloud Bot API server: the credential's default. */
export const DEFAULT_SERVER_URL = 'https://api.telegram.org';

/** The server URL as requests use it: the default when empty, no spaces, no trailing slashes. */
export function serverBase(serverUrl: unknown): string {
	return String(serverUrl || DEFAULT_SERVER_URL)
		.trim()
		.replace(/\/+$/, '');
}

/** Telegram's own cloud server, whose limits (20 MB downloads) a self-hosted one does not have. */
export function isTelegramCloud(serverUrl: string): boolean {
	return /^https:\/\/api\.telegram\.org$/i.test(serverBase(serverUrl));
}

/**
 * Where a request goes: always the credential's own server, so the token is never sent to a host
 * the user did not put in the credential. `target` may be a bare method (`getMe`), a path
 * (`/getMe`, `file/documents/a.pdf`), or a whole URL (`https://api.telegram.org/getMe`, as typed in
 * the HTTP Request node), of which only the path and query count. Our own downloads pass
 * `file/<file_path>`.
 */
export function botApiUrl(serverUrl: string, token: string, target: string): string {
	const base = serverBase(serverUrl);
	let path = target.trim();
	const wholeUrl = /^https?:\/\//i.test(path);
	if (wholeUrl) {
		const prefix = `${base.toLowerCase()}/`;
		if (path.toLowerCase().startsWith(prefix)) path = path.slice(prefix.length);
		else {
			const parsed = new URL(path);
			path = `${parsed.pathname}${parsed.search}`;
		}
	}
	path = path.replace(/^\/+/, '');
	// n8n keeps a downloaded file's final URL in its binary metadata (`directory`), and this URL
	// holds the token: a whole file URL comes only from outside this package (the HTTP Request
	// node), so it is refused; Telegram Bot → File → Get downloads without keeping the address.
	if (wholeUrl && path.startsWith('file/')) {
		throw new Error(
			'Telegram Bot API credential: download files with the Telegram Bot node (File → Get). The HTTP Request node would store the download address, which contains the bot token, with the file.',
		);
	}
	// A path that already carries the token (copied from Telegram's docs) is used as it is.
	if (path.startsWith(`bot${token}/`) || path.startsWith(`file/bot${token}/`)) {
		return `${base}/${path}`;
	}
	// File downloads live under /file/bot<token>/<path>; methods under /bot<token>/<method>.
	return path.startsWith('file/')
		? `${base}/file/bot${token}/${path.slice('file/'.length)}`
		: `${base}/bot${token}/${path}`;
}
