import { BotApiFailure, type ResponseParameters } from './errors';
import { redact } from './redact';

interface Envelope {
	ok?: boolean;
	result?: unknown;
	error_code?: number;
	description?: string;
	parameters?: ResponseParameters;
}

export interface BotApiAnswer<T> {
	result: T;
	/** Telegram adds one to some successes, e.g. "Webhook was set". */
	description?: string;
}

/** Reads Telegram's `{ok, result | error_code, description, parameters}`, whatever status or body came back. */
export function unwrapEnvelope<T>(
	operation: string,
	method: string,
	statusCode: number,
	body: unknown,
	secrets: Array<string | undefined>,
): BotApiAnswer<T> {
	const envelope = parseBody(body);
	if (envelope && envelope.ok === true && statusCode < 300) {
		return { result: envelope.result as T, description: envelope.description };
	}
	const status = envelope?.error_code ?? statusCode;
	const description =
		envelope?.description ??
		(envelope
			? 'the Bot API answered ok:false without a description'
			: `unexpected answer from the Bot API server: ${summarise(body)}`);
	throw new BotApiFailure(
		operation,
		method,
		status,
		redact(description, ...secrets),
		envelope?.parameters ?? {},
	);
}

function parseBody(body: unknown): Envelope | undefined {
	if (body && typeof body === 'object' && !Buffer.isBuffer(body)) return body as Envelope;
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	try {
		const parsed = JSON.parse(text) as unknown;
		return parsed && typeof parsed === 'object' ? (parsed as Envelope) : undefined;
	} catch {
		return undefined;
	}
}

/** A proxy's HTML error page or a truncated body becomes one short readable line. */
function summarise(body: unknown): string {
	const text = Buffer.isBuffer(body) ? body.toString('utf8') : typeof body === 'string' ? body : '';
	if (!text.trim()) return 'empty body';
	const title = /<title>([^<]*)<\/title>/i.exec(text)?.[1];
	const flat = (title ?? text)
		.replace(/<[^>]*>/g, ' ')
		.replace(/\s+/g, ' ')
		.trim();
	return flat.length > 120 ? `${flat.slice(0, 117)}...` : flat;
}
