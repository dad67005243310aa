import { classify, type FailureKind } from './hints';
import { redact } from './redact';

export interface ResponseParameters {
	retry_after?: number;
	migrate_to_chat_id?: number;
}

/** The code of a request stopped on purpose: the execution was cancelled or the trigger stopped. */
export const CANCELLED = 'ERR_CANCELED';

/**
 * A failed Bot API call: the one failure the transport throws. It holds only what Telegram (or
 * the network) said, already redacted, so callers can decide to retry (429, 5xx, resets) without
 * touching the raw HTTP error, which carries the URL and therefore the token. The nodes turn it
 * into the error n8n shows (`nodes/shared/nodeError.ts`).
 */
export class BotApiFailure extends Error {
	/** What the caller may act on (see FailureKind); unset for the rest. */
	readonly kind?: FailureKind;

	constructor(
		readonly operation: string,
		readonly method: string,
		/** HTTP status; null when no response arrived. */
		readonly status: number | null,
		readonly description: string,
		readonly parameters: ResponseParameters = {},
		/** Network error code such as ECONNRESET or ETIMEDOUT. */
		readonly code?: string,
	) {
		super(
			status === null
				? `${operation} failed (no response): ${description}`
				: `${operation} failed (${status}): ${description}`,
		);
		this.name = 'BotApiFailure';
		this.kind = classify(status, description).kind;
	}

	/** What a person can do about it; Telegram's description says only what went wrong. */
	get hint(): string | undefined {
		const base = classify(this.status, this.description).hint;
		const migrated = this.parameters.migrate_to_chat_id;
		return migrated === undefined ? base : `${base} New chat ID: ${migrated}.`;
	}

	/**
	 * Worth sending again unchanged: flood control, server trouble, or a connection refused or reset
	 * before an answer. Not a timeout: Telegram may have sent the message and only the answer was lost.
	 * Not a failure without a network code either: the credential refused to build the request
	 * (a malformed token, a Server URL that is not an address), and sending again changes nothing.
	 */
	get transient(): boolean {
		if (this.status === null)
			return (
				this.code !== undefined &&
				this.code !== 'ETIMEDOUT' &&
				this.code !== 'ECONNABORTED' &&
				this.code !== CANCELLED
			);
		return this.status === 429 || this.status >= 500;
	}

	/** The same failure, saying how long the retries waited before giving up. */
	afterWaiting(waitedMs: number, attempts: number, nextDelayMs: number): BotApiFailure {
		const seconds = (ms: number) => Math.round(ms / 1000);
		return this.withNote(
			`gave up after ${attempts} attempt${attempts === 1 ? '' : 's'} and ${seconds(waitedMs)} s of waiting; the next wait of ${seconds(nextDelayMs)} s would pass the limit`,
		);
	}

	/** The same failure with a note in brackets after the cause, e.g. how long it lasted. */
	withNote(note: string): BotApiFailure {
		return new BotApiFailure(
			this.operation,
			this.method,
			this.status,
			`${this.description} (${note})`,
			this.parameters,
			this.code,
		);
	}
}

export function failureFromNetwork(
	operation: string,
	method: string,
	error: unknown,
	secrets: Array<string | undefined>,
): BotApiFailure {
	const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
	const err = error as { code?: string; message?: string };
	const code = err?.code ?? cause?.code;
	const text = describeNetworkError(code, cause?.message ?? err?.message ?? String(error));
	return new BotApiFailure(operation, method, null, redact(text, ...secrets), {}, code);
}

function describeNetworkError(code: string | undefined, message: string): string {
	switch (code) {
		case 'ECONNREFUSED':
			return 'connection refused by the Bot API server (ECONNREFUSED)';
		case 'ECONNRESET':
			return 'the connection was reset before Telegram answered (ECONNRESET)';
		case 'ETIMEDOUT':
		case 'ECONNABORTED':
			return `no answer within the time limit (${code})`;
		case 'ENOTFOUND':
		case 'EAI_AGAIN':
			return `the Bot API server's host name could not be resolved (${code})`;
		default:
			return code ? `${message} (${code})` : message;
	}
}

/**
 * A file the transport cannot fetch for a reason of its own (no file_path, over the cloud's
 * 20 MB, a local server's path n8n may not read): no request failed, so it reads
 * "Get File: <why>" and has no hint.
 */
export class FileUnavailable extends BotApiFailure {
	constructor(operation: string, description: string) {
		super(operation, 'download', null, description);
		this.name = 'FileUnavailable';
		this.message = `${operation}: ${description}`;
	}

	override get hint(): undefined {
		return undefined;
	}
}
