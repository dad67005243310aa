/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: the unit run's request log on this machine's disk */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import type { LoggedRequest } from '../emulator/requestLog';
import { checkRequests } from './schemaCheck';

/** Where the unit suites' emulators log requests (set for the workers in vitest.config.mts). */
const REQUEST_LOG_DIR = join(__dirname, '../../node_modules/.cache/bot-api-requests');

/**
 * The Bot API schema conformance check of the unit run: the log starts empty, and once every
 * suite has finished each request the emulators received is type-checked against the newest
 * `@grammyjs/types`. A request the schema does not know fails the run.
 */
export function setup() {
	rmSync(REQUEST_LOG_DIR, { recursive: true, force: true });
	mkdirSync(REQUEST_LOG_DIR, { recursive: true });
	return teardown;
}

function teardown() {
	if (!existsSync(REQUEST_LOG_DIR)) return;
	const requests = readdirSync(REQUEST_LOG_DIR)
		.filter((name) => name.endsWith('.jsonl'))
		.flatMap((name) =>
			readFileSync(join(REQUEST_LOG_DIR, name), 'utf8')
				.split('\n')
				.filter(Boolean)
				.map((line) => JSON.parse(line) as LoggedRequest),
		);
	if (requests.length === 0) return;
	const report = checkRequests(requests, join(REQUEST_LOG_DIR, 'typed'));
	// eslint-disable-next-line no-console -- the check's result is the figure this prints
	console.log(
		`SCHEMA requests=${report.requests} distinct=${report.distinct} methods=${report.methods.length} refused=${report.problems.length} (@grammyjs/types ${grammyVersion()})`,
	);
	if (report.problems.length) {
		// Vitest only logs an error thrown here ("error during close") and would still exit 0.
		process.exitCode = 1;
		throw new Error(
			`Bot API schema conformance: ${report.problems.length} request(s) the schema does not accept:\n${report.problems.join('\n')}`,
		);
	}
}

function grammyVersion(): string {
	return (
		JSON.parse(readFileSync(require.resolve('@grammyjs/types/package.json'), 'utf8')) as {
			version: string;
		}
	).version;
}
