import type {
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { unwrapEnvelope, type BotApiAnswer } from './envelope';
import { failureFromNetwork } from './errors';
import { multipartBody, type Upload } from './upload';

export type BotApiContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| ITriggerFunctions;

export const CREDENTIAL_TYPE = 'telegramBotApi';

export interface RequestOptions {
	/** Milliseconds before the request is abandoned. */
	timeoutMs?: number;
	/** Files to send: the request becomes multipart, the body its other fields. */
	uploads?: Upload[];
	/** Abandons the request when aborted (a long poll when its trigger stops). */
	signal?: AbortSignal;
}

const DEFAULT_TIMEOUT_MS = 30_000;
const UPLOAD_TIMEOUT_MS = 600_000;

export interface BotCredentials {
	serverUrl: string;
	apiToken: string;
}

/** Server URL without trailing slashes (default Telegram's cloud), token without stray spaces. */
export function normaliseCredentials(data: IDataObject | undefined): BotCredentials {
	return {
		serverUrl: String(data?.serverUrl || 'https://api.telegram.org')
			.trim()
			.replace(/\/+$/, ''),
		apiToken: String(data?.apiToken ?? '').trim(),
	};
}

const credentialCache = new WeakMap<object, Promise<BotCredentials>>();

/** The credential once per execution context: the transport needs the token only to redact it. */
export async function botCredentials(ctx: BotApiContext): Promise<BotCredentials> {
	let cached = credentialCache.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIAL_TYPE).then(normaliseCredentials);
		credentialCache.set(ctx, cached);
	}
	return await cached;
}

/**
 * One Bot API call: `POST <server>/bot<token>/<method>` with a JSON body (the credential inserts
 * the token). Returns `result` or throws a redacted BotApiFailure, never the raw HTTP error.
 */
export async function botApiRequest<T = unknown>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	body: IDataObject = {},
	options: RequestOptions = {},
): Promise<BotApiAnswer<T>> {
	const { apiToken } = await botCredentials(ctx);
	const uploads = options.uploads ?? [];
	const request: IHttpRequestOptions = {
		method: 'POST',
		url: method,
		body: uploads.length ? await multipartBody(body, uploads) : body,
		// Following redirects means keeping the whole request body to send it again: an upload
		// would sit in memory. The Bot API never redirects a method call.
		disableFollowRedirect: uploads.length > 0,
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		// An upload takes as long as its bytes need; only an answer that never comes times out.
		timeout: options.timeoutMs ?? (uploads.length ? UPLOAD_TIMEOUT_MS : DEFAULT_TIMEOUT_MS),
		...(options.signal ? { abortSignal: options.signal } : {}),
	};
	let response: { statusCode: number; body: unknown };
	try {
		response = await ctx.helpers.httpRequestWithAuthentication.call(ctx, CREDENTIAL_TYPE, request);
	} catch (error) {
		throw failureFromNetwork(operation, method, error, [apiToken]);
	}
	return unwrapEnvelope<T>(operation, method, response.statusCode, response.body, [apiToken]);
}
