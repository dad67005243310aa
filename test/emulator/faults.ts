/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a Bot API server on 127.0.0.1, not node code */
import type { IncomingMessage, ServerResponse } from 'node:http';

import { sleep } from './params';
import type { Failure } from './types';

/** An answer in Telegram's envelope, unless the connection is already gone. */
export function reply(res: ServerResponse, status: number, body: unknown): void {
	if (res.headersSent || res.destroyed) return;
	const text = JSON.stringify(body);
	res.writeHead(status, {
		'content-type': 'application/json',
		'content-length': Buffer.byteLength(text),
	});
	res.end(text);
}

/** An armed failure: Telegram's error envelope, a proxy's HTML page, a reset, a stall or a trickle. */
export async function fail(
	req: IncomingMessage,
	res: ServerResponse,
	failure: Failure,
	token: string,
): Promise<void> {
	if (failure.delayMs) await sleep(failure.delayMs);
	if (failure.reset) {
		req.socket.destroy();
		return;
	}
	const status = failure.status ?? 500;
	const raw = failure.rawBody !== undefined;
	const body = raw
		? failure.rawBody!.split('{token}').join(token)
		: JSON.stringify({
				ok: false,
				error_code: status,
				description:
					failure.description ?? defaultDescription(status, failure.parameters?.retry_after),
				...(failure.parameters ? { parameters: failure.parameters } : {}),
			});
	if (res.headersSent || res.destroyed) return;
	res.writeHead(status, {
		'content-type': raw ? (failure.rawContentType ?? 'text/html') : 'application/json',
		'content-length': Buffer.byteLength(body),
	});
	if (!failure.trickleMs) {
		res.end(body);
		return;
	}
	const bytes = Buffer.from(body);
	for (let at = 0; at < bytes.length && !res.destroyed; at++) {
		res.write(bytes.subarray(at, at + 1));
		await sleep(failure.trickleMs);
	}
	if (!res.destroyed) res.end();
}

function defaultDescription(status: number, retryAfter?: number): string {
	switch (status) {
		case 400:
			return 'Bad Request';
		case 401:
			return 'Unauthorized';
		case 403:
			return 'Forbidden';
		case 404:
			return 'Not Found';
		case 409:
			return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
		case 429:
			return `Too Many Requests: retry after ${retryAfter ?? 1}`;
		case 502:
			return 'Bad Gateway';
		default:
			return 'Internal Server Error';
	}
}
