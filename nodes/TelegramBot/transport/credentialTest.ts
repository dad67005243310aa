import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { unwrapEnvelope } from './envelope';
import { BotApiFailure } from './errors';
import { redact } from './redact';
import { normaliseCredentials } from './request';

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{30,}$/;
const TIMEOUT_SECONDS = 15;

interface BotUser {
	username?: string;
	first_name?: string;
	last_name?: string;
}

/**
 * "Test" in the credential dialog (`POST /rest/credentials/test`). Every message is one sentence
 * a person can act on, and none quotes the Server URL or the token: a token pasted into the
 * wrong field must not come back on screen. Only the server's host name is named.
 */
export async function testTelegramCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { serverUrl, apiToken: token } = normaliseCredentials(credential.data);
	const error = (message: string): INodeCredentialTestResult => ({
		status: 'Error',
		message: redact(message, token),
	});

	const server = parseServerUrl(serverUrl, token);
	if (typeof server === 'string') return error(server);
	if (!token)
		return error('The API token is empty. Paste the token @BotFather gave you for this bot.');
	if (!TOKEN_SHAPE.test(token)) {
		return error(
			'The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
		);
	}

	let response: { statusCode: number; body: unknown };
	try {
		// ICredentialTestFunctions offers no other HTTP helper in n8n 2.41.1: n8n-core's
		// CredentialTestContext.helpers holds only `request` and the SSH tunnel functions.
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- the only HTTP helper a credential test gets
		response = (await this.helpers.request({
			method: 'GET',
			uri: `${server.base}/bot${token}/getMe`,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: TIMEOUT_SECONDS * 1000,
		})) as { statusCode: number; body: unknown };
	} catch (cause) {
		return error(unreachable(server.host, cause));
	}

	try {
		const { result } = unwrapEnvelope<BotUser>(
			'Get Bot',
			'getMe',
			response.statusCode,
			response.body,
			[token],
		);
		const name = [result?.first_name, result?.last_name].filter(Boolean).join(' ');
		return {
			status: 'OK',
			message: redact(
				`Connected as @${result?.username ?? 'unknown'}${name ? ` (${name})` : ''}`,
				token,
			),
		};
	} catch (failure) {
		return error(
			failure instanceof BotApiFailure
				? refused(server.host, failure)
				: `${server.host} answered with something other than the Bot API's JSON. Check the Server URL.`,
		);
	}
}

/** The server's base URL and host, or the sentence that says what is wrong with it. */
function parseServerUrl(serverUrl: string, token: string): { base: string; host: string } | string {
	const looksLikeToken =
		/\d{3,}:[A-Za-z0-9_-]{20,}/.test(serverUrl) || (!!token && serverUrl.includes(token));
	if (looksLikeToken || /\/bot[^/]*(\/|$)/i.test(serverUrl)) {
		return 'The Server URL holds a bot token or a /bot… path. Keep only the server address (https://api.telegram.org, or http://host:8081 for a self-hosted server) and put the token in API Token.';
	}
	let parsed: URL | undefined;
	try {
		parsed = new URL(serverUrl);
	} catch {
		parsed = undefined;
	}
	if (!parsed || !/^https?:$/.test(parsed.protocol) || !parsed.hostname) {
		return "The Server URL is not a web address: it must start with https:// (Telegram's cloud is https://api.telegram.org) or http:// for a self-hosted server.";
	}
	if (parsed.username || parsed.password) {
		return 'The Server URL holds a user name or password. Keep only the server address; the API token goes in API Token.';
	}
	return { base: serverUrl.replace(/\/+$/, ''), host: parsed.host };
}

const TLS_CODE =
	/^(CERT_|ERR_TLS_|ERR_SSL_|EPROTO$|DEPTH_ZERO_SELF_SIGNED_CERT$|SELF_SIGNED_CERT_IN_CHAIN$|UNABLE_TO_(GET|VERIFY)_)/;

/** One sentence per way a server can be out of reach. */
function unreachable(host: string, cause: unknown): string {
	const code = networkCode(cause);
	if (code === 'ECONNREFUSED') {
		return `Nothing accepts connections at ${host} (connection refused). Check the Server URL's host and port, and that the Bot API server is running.`;
	}
	if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') {
		return `The host name ${host} could not be found (DNS, ${code}). Check the Server URL's spelling and this n8n machine's network.`;
	}
	if (code && TLS_CODE.test(code)) {
		return `The secure connection to ${host} failed (TLS, ${code}): the server's certificate is not trusted, or it does not speak HTTPS. For a self-hosted server without TLS, use http://.`;
	}
	if (code === 'ETIMEDOUT' || code === 'ECONNABORTED' || code === 'ESOCKETTIMEDOUT') {
		return `${host} did not answer within ${TIMEOUT_SECONDS} seconds. Check the Server URL, and whether a firewall or proxy blocks n8n from reaching it.`;
	}
	return `${host} could not be reached${code ? ` (${code})` : ''}. Check the Server URL and this n8n machine's network.`;
}

function networkCode(cause: unknown): string | undefined {
	let current = cause as { code?: unknown; cause?: unknown } | undefined;
	for (let depth = 0; current && depth < 5; depth++) {
		if (typeof current.code === 'string' && current.code !== 'ERR_BAD_RESPONSE')
			return current.code;
		current = current.cause as typeof current;
	}
	return undefined;
}

/** The server answered, but not with a bot: Telegram's own description, then what to do. */
function refused(host: string, failure: BotApiFailure): string {
	const said = `${failure.status} ${failure.description}`;
	if (failure.status === 401) {
		return `Telegram refused this token (${said}): it was revoked or mistyped. Copy the current token from @BotFather (/mybots → your bot → API Token).`;
	}
	if (failure.status === 404) {
		return `${host} answered ${said}: the token is not a bot token this server knows, or the Server URL is not a Bot API server. Check both against @BotFather and your server's address.`;
	}
	return `${host} refused the test (${said}).${failure.hint ? ` ${failure.hint}` : ''}`;
}
