/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: reads the package's own sources */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

import { sleep } from 'n8n-workflow';
import { describe, expect, it } from 'vitest';

import { BotApiFailure, retryDelayMs } from '../../nodes/shared/transport';
import { DEFAULT_RETRY, withRetry } from '../../nodes/shared/transport/retry';

const root = fileURLToPath(new URL('../..', import.meta.url));

function sources(folder: string): Array<{ path: string; text: string }> {
	return readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' })
		.filter((name) => name.endsWith('.ts'))
		.map((name) => join(root, folder, name))
		.map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));
}

describe('the transport takes policy as arguments and throws only its own failure', () => {
	it('reads no node parameter and makes no n8n error', () => {
		const transport = sources('nodes/shared/transport');
		expect(transport.length).toBeGreaterThan(10);
		expect(transport.filter((file) => file.text.includes('getNodeParameter'))).toEqual([]);
		expect(transport.filter((file) => /NodeApiError|NodeOperationError/.test(file.text))).toEqual(
			[],
		);
	});

	it('one place turns a failure into a NodeApiError: nodes/shared/nodeError.ts', () => {
		const makers = [...sources('nodes'), ...sources('credentials')]
			.filter((file) => /new NodeApiError\(/.test(file.text))
			.map((file) => file.path);
		expect(makers).toEqual([join('nodes', 'shared', 'nodeError.ts')]);
	});
});

describe('the failure says what a caller may act on', () => {
	it("Telegram refusing the markup is kind 'entities', wherever the description says so", () => {
		const refused = (description: string) =>
			new BotApiFailure('Send Message', 'sendMessage', 400, description);
		expect(refused('Bad Request: can\'t parse entities: Unsupported start tag "x"').kind).toBe(
			'entities',
		);
		expect(
			refused(
				"Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 5",
			).kind,
		).toBe('entities');
		expect(refused('Bad Request: chat not found').kind).toBeUndefined();
		// Only a 400 is a refusal of the markup.
		expect(
			new BotApiFailure('Send Message', 'sendMessage', 500, "can't parse entities").kind,
		).toBeUndefined();
	});

	it('one 429 rule: exactly retry_after, 1 s without one; anything else the back-off', () => {
		const flood = (retryAfter?: number) =>
			new BotApiFailure('Send Message', 'sendMessage', 429, 'Too Many Requests', {
				retry_after: retryAfter,
			});
		expect(retryDelayMs(flood(30), 500)).toBe(30_000);
		expect(retryDelayMs(flood(undefined), 500)).toBe(1_000);
		const down = new BotApiFailure('Send Message', 'sendMessage', 502, 'Bad Gateway');
		expect(retryDelayMs(down, 2_000)).toBe(2_000);
	});
});

describe('waits take an AbortSignal', () => {
	it('a retry_after of 30 s ends when the signal fires, with its reason, and nothing is sent again', async () => {
		let attempts = 0;
		const stop = new AbortController();
		const reason = new Error('stopped');
		void sleep(100).then(() => stop.abort(reason));
		const started = Date.now();
		const outcome = withRetry(
			async () => {
				attempts++;
				throw new BotApiFailure('Send Message', 'sendMessage', 429, 'Too Many Requests', {
					retry_after: 30,
				});
			},
			DEFAULT_RETRY,
			undefined,
			stop.signal,
		);
		await expect(outcome).rejects.toBe(reason);
		expect(Date.now() - started).toBeLessThan(1_000);
		expect(attempts).toBe(1);
	});
});
