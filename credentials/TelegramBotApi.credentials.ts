import type {
	IAuthenticate,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	Icon,
	INodeProperties,
} from 'n8n-workflow';

/**
 * The token travels in the URL path (`/bot<token>/<method>`), not in a header, so the
 * authentication step rewrites the URL instead of adding a header. Operations pass the
 * bare method name as `url`; everything that can surface later is redacted by the transport.
 */
export class TelegramBotApi implements ICredentialType {
	name = 'telegramBotApi';

	displayName = 'Telegram Bot API';

	icon: Icon = {
		light: 'file:../icons/telegram.svg',
		dark: 'file:../icons/telegram.dark.svg',
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
				'Bot API server. Keep the default for Telegram\'s cloud; use "http://host:8081" for a self-hosted telegram-bot-api server on a private network.',
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
		const base = String(credentials.serverUrl || 'https://api.telegram.org').replace(/\/+$/, '');
		const path = String(requestOptions.url).replace(/^\/+/, '');
		// File downloads live under /file/bot<token>/<path>; methods under /bot<token>/<method>.
		const url = path.startsWith('file/')
			? `${base}/file/bot${String(credentials.apiToken).trim()}/${path.slice('file/'.length)}`
			: `${base}/bot${String(credentials.apiToken).trim()}/${path}`;
		return { ...requestOptions, url, baseURL: undefined };
	};

	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{ String($credentials.serverUrl || "https://api.telegram.org").replace(/\\/+$/, "") }}',
			url: '=/bot{{ String($credentials.apiToken).trim() }}/getMe',
			method: 'GET',
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'Unauthorized: Telegram rejected this token. Copy it again from @BotFather (/mybots → API Token).',
				},
			},
			{
				type: 'responseCode',
				properties: {
					value: 404,
					message:
						'Not Found: the token is malformed (expected <bot ID>:<secret>) or the Server URL is not a Bot API server.',
				},
			},
		],
	};
}
