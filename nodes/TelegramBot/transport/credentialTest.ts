import type {
	ICredentialsDecrypted,
	ICredentialTestFunctions,
	INodeCredentialTestResult,
} from 'n8n-workflow';

import { unwrapEnvelope } from './envelope';
import { BotApiFailure, failureFromNetwork } from './errors';
import { normaliseCredentials } from './request';

const TOKEN_SHAPE = /^\d+:[A-Za-z0-9_-]{30,}$/;

/** "Test connection": a malformed URL or token gets a sentence before any request; otherwise getMe. */
export async function testTelegramCredential(
	this: ICredentialTestFunctions,
	credential: ICredentialsDecrypted,
): Promise<INodeCredentialTestResult> {
	const { serverUrl, apiToken: token } = normaliseCredentials(credential.data);
	if (!/^https?:\/\/[^/\s]+/i.test(serverUrl)) {
		return {
			status: 'Error',
			message: `The Server URL "${serverUrl}" is not an http(s) address. Use https://api.telegram.org, or your self-hosted server such as http://10.0.0.5:8081.`,
		};
	}
	if (!TOKEN_SHAPE.test(token)) {
		return {
			status: 'Error',
			message:
				'The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
		};
	}
	try {
		// eslint-disable-next-line @n8n/community-nodes/no-deprecated-workflow-functions -- ICredentialTestFunctions offers only request()
		const response = (await this.helpers.request({
			method: 'GET',
			uri: `${serverUrl}/bot${token}/getMe`,
			json: true,
			simple: false,
			resolveWithFullResponse: true,
			timeout: 15_000,
		})) as { statusCode: number; body: unknown };
		const { result } = unwrapEnvelope<{ username?: string }>(
			'Get Bot',
			'getMe',
			response.statusCode,
			response.body,
			[token],
		);
		return { status: 'OK', message: `Connected as @${result.username ?? 'bot'}` };
	} catch (error) {
		const failure =
			error instanceof BotApiFailure
				? error
				: failureFromNetwork('Get Bot', 'getMe', error, [token]);
		return { status: 'Error', message: [failure.message, failure.hint].filter(Boolean).join('. ') };
	}
}
