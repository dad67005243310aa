import { BotApiFailure, type ResponseParameters } from './errors';
import { redactBounded } from './redact';

interface Envelope {
	ok?: unknown;
	result?: unknown;
	error_code?: unknown;
	description?: unknown;
	parameters?: unknown;
}

export interface BotApiAnswer<T> {
	result: T;
	/** Telegram adds one to some successes, e.g. "Webhook was set". */
	description?: string;
}

/** Longest server text kept in an error: enough for a sentence, not a whole page. */
const DESCRIPTION_LIMIT = 300;

/**
 * The longest wait a `retry_after` may ask for. Telegram's own are seconds to hours; anything
 * longer is treated as this, which every Retry Wait Limit refuses at once, and stays far inside
 * the range a timer can wait (about 24.8 days) so nobody's sleep turns into no sleep at all.
 */
export const MAX_RETRY_AFTER_SECONDS = 86_400;

/** Reads Telegram's `{ok, result | error_code, description, parameters}`, whatever status or body came back. */
export function unwrapEnvelope<T>(
	operation: string,
	method: string,
	statusCode: number,
	body: unknown,
	secrets: Array<string | undefined>,
): BotApiAnswer<T> {
	const envelope = parseBody(body);
	const description =
		typeof envelope?.description === 'string'
			? redactBounded(envelope.description, DESCRIPTION_LIMIT, ...secrets)
			: undefined;
	if (envelope?.ok === true && statusCode < 300) {
		if (envelope.result !== undefined && envelope.result !== null)
			return { result: envelope.result as T, description };
		throw new BotApiFailure(
			operation,
			method,
			statusCode,
			'the Bot API answered ok:true without a result',
		);
	}
	const errorCode = Number(envelope?.error_code);
	const status = Number.isInteger(errorCode) && errorCode >= 100 ? errorCode : statusCode;
	throw new BotApiFailure(
		operation,
		method,
		status,
		description ??
			(envelope
				? `the Bot API answered ok:${String(envelope.ok)} without a description`
				: `unexpected answer from the Bot API server: ${summarise(body, secrets)}`),
		envelope ? sanitiseParameters(envelope.parameters) : {},
	);
}

/**
 * Telegram's envelope, or undefined for anything else: a proxy's page, malformed JSON, or some
 * other server's JSON (`{"error": …}`), whose own text is then kept by summarise.
 */
function parseBody(body: unknown): Envelope | undefined {
	let parsed: unknown = body;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			parsed = JSON.parse(Buffer.isBuffer(body) ? body.toString('utf8') : body);
		} catch {
			return undefined;
		}
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
	return typeof (parsed as Envelope).ok === 'boolean' ? (parsed as Envelope) : undefined;
}

/**
 * What the retry logic may trust: `retry_after` as whole seconds, at least 1 and at most
 * MAX_RETRY_AFTER_SECONDS (a value that is no number at all is dropped and the caller's minimum
 * applies), `migrate_to_chat_id` only when it is an integer a chat can have.
 */
export function sanitiseParameters(raw: unknown): ResponseParameters {
	if (!raw || typeof raw !== 'object') return {};
	const { retry_after: retryAfter, migrate_to_chat_id: migrateTo } = raw as Record<string, unknown>;
	const parameters: ResponseParameters = {};
	const seconds = typeof retryAfter === 'string' ? Number(retryAfter) : retryAfter;
	if (typeof seconds === 'number' && !Number.isNaN(seconds))
		parameters.retry_after = Math.min(MAX_RETRY_AFTER_SECONDS, Math.max(1, Math.ceil(seconds)));
	if (typeof migrateTo === 'number' && Number.isSafeInteger(migrateTo) && migrateTo !== 0)
		parameters.migrate_to_chat_id = migrateTo;
	return parameters;
}

/** A proxy's HTML error page or another server's body becomes one short readable line, redacted before it is cut. */
function summarise(body: unknown, secrets: Array<string | undefined>): string {
	const text = Buffer.isBuffer(body)
		? body.toString('utf8')
		: typeof body === 'string'
			? body
			: body === undefined
				? ''
				: JSON.stringify(body);
	if (!text.trim()) return 'empty body';
	const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
	const flat = (title ?? text)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return redactBounded(flat, 120, ...secrets);
}
