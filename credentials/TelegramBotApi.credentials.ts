import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

import { botApiUrl, DEFAULT_SERVER_URL, serverBase } from '../nodes/shared/transport/botUrl';

/**
 * The token travels in the URL path (`/bot<token>/<method>`), not in a header, so the
 * authentication step rewrites the URL instead of adding a header.
 *
 * "Test" is declarative: n8n sends `getMe` through `authenticate` and turns Telegram's refusals
 * into the `rules` sentences. A programmatic test (`testedBy`) would get only
 * `this.helpers.request` from n8n 2.41.1, which n8n's community-package scanner always reports,
 * and verification requires zero findings. What can be checked before a request (a Server URL
 * that is not an address or holds the token, a token of the wrong shape) `authenticate` refuses
 * with a sentence, which n8n shows as the test's answer.
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
			default: DEFAULT_SERVER_URL,
			placeholder: DEFAULT_SERVER_URL,
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
		const serverUrl = serverBase(credentials.serverUrl);
		const token = String(credentials.apiToken ?? '').trim();
		checkCredential(serverUrl, token);
		const url = botApiUrl(
			serverUrl,
			token,
			// The HTTP Request node's legacy path ("Custom API Call") passes `uri`, our nodes `url`.
			String(requestOptions.url ?? (requestOptions as { uri?: string }).uri ?? ''),
		);
		return { ...requestOptions, url, baseURL: undefined, uri: undefined } as IHttpRequestOptions;
	};

	// n8n reports a refusal by its status code only (Telegram's description does not reach the
	// answer), so each rule says what that code means for a bot token.
	test: ICredentialTestRequest = {
		request: { method: 'GET', url: 'getMe', timeout: 15_000 },
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Telegram refused this token (401 Unauthorized): it was revoked or mistyped. Get the current one from @BotFather: send /token and choose the bot.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						"The server answered 404 Not Found: the token is not one this server knows, or the Server URL is not a Bot API server. Check the token against @BotFather and the Server URL (https://api.telegram.org for Telegram's cloud).",
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 403,
					message:
						'The server answered 403 Forbidden: a proxy or firewall in front of it refuses the request, or a self-hosted server does not accept this bot. Check the Server URL and its access rules.',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 429,
					message:
						'Telegram answered 429 Too Many Requests: this bot sent too much in a short time. Wait a minute, then test again.',
				},
			},
			...[500, 502, 503, 504].map((value) => ({
				type: 'responseCode' as const,
				properties: {
					value,
					message: `The server answered ${value}: the Bot API server or a gateway in front of it is failing. Try again in a few minutes; for a self-hosted server, check that it is running.`,
				},
			})),
		],
	};
}

/**
 * An address n8n may send the token to: http(s), a host, no user name or password. A token
 * pasted into the Server URL is refused without being quoted, so it cannot come back on screen.
 */
const TOKEN_IN_URL = /\d{3,}:[A-Za-z0-9_-]{20,}|\/bot[^/]*(\/|$)/i;
// @BotFather's tokens: the bot ID, a colon, a 35-character secret.
const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{30,}$/;

function checkCredential(serverUrl: string, token: string): void {
	if (TOKEN_IN_URL.test(serverUrl) || (token.length > 0 && serverUrl.includes(token))) {
		throw new Error(
			'The Server URL holds a bot token or a /bot… path. Keep only the server address (https://api.telegram.org, or http://host:8081 for a self-hosted server) and put the token in API Token.',
		);
	}
	let parsed: URL | undefined;
	try {
		parsed = new URL(serverUrl);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
		throw new Error(
			"The Server URL is not a web address: it must start with https:// (Telegram's cloud is https://api.telegram.org) or http:// for a self-hosted server.",
		);
	}
	if (parsed.username || parsed.password) {
		throw new Error(
			'The Server URL holds a user name or password. Keep only the server address; the API token goes in API Token.',
		);
	}
	if (!token) {
		throw new Error('The API token is empty. Paste the token @BotFather gave you for this bot.');
	}
	if (!TOKEN_SHAPE.test(token)) {
		throw new Error(
			'The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
		);
	}
}
