import type {
	ICredentialsDecrypted,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { serverBase } from './botUrl';
import { perPair } from './perPair';
import { anySignal, deadlineSignal } from './signals';
import { unwrapEnvelope, type BotApiAnswer } from './envelope';
import { BotApiFailure, CANCELLED, failureFromNetwork } from './errors';
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
	return { serverUrl: serverBase(data?.serverUrl), apiToken: String(data?.apiToken ?? '').trim() };
}

/** The credential as read once per execution context: normalised, and as n8n decrypted it. */
interface ReadCredential {
	normalised: BotCredentials;
	decrypted: ICredentialsDecrypted;
}

const credentialCache = new WeakMap<object, Promise<ReadCredential>>();

/**
 * Reads the credential once per execution context. Every request but a trigger's hands n8n what
 * was read here (`credentialsDecrypted`): without it, n8n's `httpRequestWithAuthentication`
 * reads the credential again for each request, a database query, a decryption and the
 * resolution of its expressions: 10,000 of each for a fan-out of 10,000 messages.
 */
async function readCredential(ctx: BotApiContext): Promise<ReadCredential> {
	let cached = credentialCache.get(ctx);
	if (!cached) {
		cached = ctx.getCredentials(CREDENTIAL_TYPE).then((data) => {
			const chosen = ctx.getNode().credentials?.[CREDENTIAL_TYPE];
			return {
				normalised: normaliseCredentials(data),
				decrypted: { id: chosen?.id ?? '', name: chosen?.name ?? '', type: CREDENTIAL_TYPE, data },
			};
		});
		credentialCache.set(ctx, cached);
	}
	return await cached;
}

/** The credential once per execution context: the transport needs the token only to redact it. */
export async function botCredentials(ctx: BotApiContext): Promise<BotCredentials> {
	return (await readCredential(ctx)).normalised;
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
	const timeoutMs = options.timeoutMs ?? (uploads.length ? UPLOAD_TIMEOUT_MS : DEFAULT_TIMEOUT_MS);
	const response = await withinDeadline(
		ctx,
		operation,
		method,
		{ timeoutMs, signal: options.signal, secrets: [apiToken] },
		async (http) =>
			(await http({
				method: 'POST',
				url: method,
				body: uploads.length ? multipartBody(body, uploads) : body,
				// The Bot API never redirects a method call (a redirected POST would arrive as a GET
				// without its body anyway), and following one means keeping the whole body to send it
				// again: an upload would sit in memory. Not following also spares every request the
				// redirect-following wrapper, ~3% of a paid broadcast's time. A 3xx gets a hint.
				disableFollowRedirect: true,
				json: true,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: unknown },
	);
	return unwrapEnvelope<T>(operation, method, response.statusCode, response.body, [apiToken]);
}

/** The signal n8n fires when the execution is stopped; none outside an execution. */
export function executionCancelSignal(ctx: BotApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in ctx ? ctx.getExecutionCancelSignal() : undefined;
}

/** Stopped on purpose (the execution was cancelled, the trigger stopped): not worth resending. */
export function cancelledFailure(operation: string, method: string): BotApiFailure {
	return new BotApiFailure(operation, method, null, 'the request was cancelled', {}, CANCELLED);
}

const requesters = new WeakMap<object, WeakMap<AbortSignal, BotApiContext>>();

/**
 * The context as n8n-core reads it for a request, its cancel signal replaced by `signal`: one
 * per context and signal, which the requests of a 100 ms deadline share.
 */
function withCancelSignal(ctx: BotApiContext, signal: AbortSignal): BotApiContext {
	return perPair(requesters, ctx, signal, () => {
		// Assigned rather than defined with a descriptor: the object keeps V8's fast properties.
		const requester = Object.create(ctx) as IExecuteFunctions;
		requester.getExecutionCancelSignal = () => signal;
		return requester;
	});
}

/** Sends one request with the credential, under the call's signal; the answer as n8n gives it. */
export type AuthenticatedHttp = (request: IHttpRequestOptions) => Promise<unknown>;

/**
 * Runs `work` (a request, and reading its answer) under one deadline for the whole of it, not
 * only between two bytes: a server that trickles its answer a byte at a time is cut off when the
 * time is up. The request is aborted (its socket closed) when the deadline passes or `signal`
 * fires; a failure comes back as a redacted BotApiFailure, never the raw HTTP error.
 */
export async function withinDeadline<R>(
	ctx: BotApiContext,
	operation: string,
	method: string,
	limits: { timeoutMs: number; signal?: AbortSignal; secrets: Array<string | undefined> },
	work: (http: AuthenticatedHttp) => Promise<R>,
): Promise<R> {
	const deadline = deadlineSignal(limits.timeoutMs);
	const cancel = executionCancelSignal(ctx);
	const signal = anySignal([deadline, limits.signal, cancel])!;
	// n8n-core replaces a request's abortSignal with the execution's cancel signal whenever the
	// context has one; handed this context, it takes the signal that is both.
	const requester = cancel ? withCancelSignal(ctx, signal) : ctx;
	const seconds = Math.round(limits.timeoutMs / 100) / 10;
	const asFailure = (error: unknown): BotApiFailure => {
		if (error instanceof BotApiFailure) return error;
		if (deadline.aborted) {
			const text = `no answer within the time limit of ${seconds} s (ETIMEDOUT)`;
			return new BotApiFailure(operation, method, null, text, {}, 'ETIMEDOUT');
		}
		if (signal.aborted) return cancelledFailure(operation, method);
		return failureFromNetwork(operation, method, error, limits.secrets);
	};
	const http: AuthenticatedHttp = async (request) => {
		try {
			// A trigger's context lives as long as its activation: there n8n reads the credential for
			// each request, which then carries the token as n8n holds it at that moment.
			const handed =
				'emit' in ctx ? undefined : { credentialsDecrypted: (await readCredential(ctx)).decrypted };
			return await ctx.helpers.httpRequestWithAuthentication.call(
				requester,
				CREDENTIAL_TYPE,
				{ ...request, timeout: limits.timeoutMs, abortSignal: signal },
				handed,
			);
		} catch (error) {
			throw asFailure(error);
		}
	};
	// Stopped before it started (the execution was stopped while the call waited): nothing is sent.
	if (signal.aborted) throw asFailure(signal.reason);
	let stop: () => void = () => undefined;
	// Ends the call at the deadline even where the HTTP layer would keep waiting for its socket.
	const stopped = new Promise<never>((_, reject) => {
		stop = () => reject(signal.reason);
		signal.addEventListener('abort', stop, { once: true });
		if (signal.aborted) stop();
	});
	try {
		return await Promise.race([work(http), stopped]);
	} catch (error) {
		// What `work` throws itself (a refused answer, a binary store error) passes as it is.
		throw signal.aborted ? asFailure(error) : error;
	} finally {
		signal.removeEventListener('abort', stop);
	}
}
