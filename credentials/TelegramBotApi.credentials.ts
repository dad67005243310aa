import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The token travels in the URL path (`/bot<token>/<method>`), not in a header, so the
 * authentication step rewrites the URL instead of adding a header.
 *
 * No declarative `test`: n8n runs a credential's own `test` before any node's `testedBy`, and a
 * declarative test can only answer "Connection successful!" or a bare error code. Every node
 * that uses this credential declares `testedBy: 'telegramBotApiTest'` instead, which names the
 * bot and explains each failure in a sentence.
 */
export class TelegramBotApi implements ICredentialType {
	name = 'telegramBotApi';

	displayName = 'Telegram Bot API';

	icon: Icon = {
		light: 'file:../icons/telegramBot.svg',
		dark: 'file:../icons/telegramBot.dark.svg',
	};

	documentationUrl = 'https://core.telegram.org/bots/api#authorizing-your-bot';

	properties: INodeProperties[] = [
		{
			displayName: 'Server URL',
			name: 'serverUrl',
			type: 'string',
			default: 'https://api.telegram.org',
			placeholder: 'https://api.telegram.org',
			description:
				'Bot API server, without /bot or the token. Keep the default for Telegram\'s cloud; use "http://host:8081" for a self-hosted telegram-bot-api server on a private network.',
		},
		{
			displayName: 'API Token',
			name: 'apiToken',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			placeholder: '123456789:AAE…',
			description:
				'The token @BotFather gave you when you created the bot, in the form <bot ID>:<secret>',
		},
	];

	authenticate: IAuthenticate = async (
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> => {
		const url = botApiUrl(
			String(credentials.serverUrl || 'https://api.telegram.org'),
			String(credentials.apiToken ?? '').trim(),
			// The HTTP Request node's legacy path ("Custom API Call") passes `uri`, our nodes `url`.
			String(requestOptions.url ?? (requestOptions as { uri?: string }).uri ?? ''),
		);
		return { ...requestOptions, url, baseURL: undefined, uri: undefined } as IHttpRequestOptions;
	};
}

/**
 * Where a request goes: always the credential's own server, so the token is never sent to a host
 * the user did not put in the credential. `target` may be a bare method (`getMe`), a path
 * (`/getMe`, `file/documents/a.pdf`), or a whole URL (`https://api.telegram.org/getMe`, as typed in
 * the HTTP Request node), of which only the path and query count. Our own downloads pass
 * `file/<file_path>`.
 */
function botApiUrl(serverUrl: string, token: string, target: string): string {
	const base = serverUrl.trim().replace(/\/+$/, '');
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
