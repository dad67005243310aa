/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: the unit run's request log on this machine's disk */
import { appendFileSync } from 'node:fs';
import { join } from 'node:path';

import type { RecordedCall } from './types';

/** One request as the Bot API schema check reads it (test/conformance). */
export interface LoggedRequest {
	method: string;
	params: Record<string, unknown>;
	/** Multipart file parts by field name. */
	files: string[];
	multipart: boolean;
}

/**
 * Appends each request the emulator receives to `$BOT_API_REQUEST_LOG/<pid>.jsonl` when that is set
 * (the unit suites set it): after the run every request is type-checked against the Bot API schema.
 */
export function logRequest(call: RecordedCall): void {
	const dir = process.env.BOT_API_REQUEST_LOG;
	if (!dir) return;
	const entry: LoggedRequest = {
		method: call.method,
		params: call.params,
		files: Object.keys(call.files),
		multipart: call.contentType.startsWith('multipart/form-data'),
	};
	appendFileSync(join(dir, `${process.pid}.jsonl`), `${JSON.stringify(entry)}\n`);
}
