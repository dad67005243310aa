/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: a Bot API server on 127.0.0.1, not node code */
import type { IncomingMessage } from 'node:http';

import Busboy from 'busboy';

import type { Params, RecordedCall } from './types';

/** A request's parameters as Telegram reads them: query string, JSON, urlencoded or multipart. */
export async function readParams(
	req: IncomingMessage,
	url: URL,
): Promise<{ params: Params; files: RecordedCall['files'] }> {
	const params: Params = Object.fromEntries(url.searchParams.entries());
	const files: RecordedCall['files'] = {};
	const type = req.headers['content-type'] ?? '';
	if (type.startsWith('multipart/form-data')) {
		// Streamed and counted, never buffered: a 200 MB upload costs the emulator no memory.
		await new Promise<void>((resolve, reject) => {
			const parser = Busboy({ headers: req.headers, limits: { fileSize: Infinity } });
			parser.on('field', (name, value) => (params[name] = value));
			parser.on('file', (name, stream, info) => {
				const entry = { filename: info.filename, type: info.mimeType, size: 0 };
				files[name] = entry;
				stream.on('data', (chunk: Buffer) => (entry.size += chunk.length));
			});
			parser.on('close', resolve);
			parser.on('error', reject);
			req.pipe(parser);
		});
		for (const [key, value] of Object.entries(params)) {
			if (typeof value === 'string' && /^[[{]/.test(value)) {
				try {
					params[key] = JSON.parse(value);
				} catch {
					// A plain string that happens to start with a bracket.
				}
			}
		}
		return { params, files };
	}
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks).toString('utf8');
	if (!raw) return { params, files };
	if (type.startsWith('application/json')) Object.assign(params, JSON.parse(raw) as Params);
	else if (type.startsWith('application/x-www-form-urlencoded'))
		Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
	return { params, files };
}

export function bool(value: unknown): boolean {
	return value === true || value === 'true' || value === '1';
}

/** A list parameter: a JSON array, or JSON text of one (multipart and urlencoded bodies). */
export function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		try {
			const parsed = JSON.parse(value) as unknown;
			return Array.isArray(parsed) ? parsed : [];
		} catch {
			return [];
		}
	}
	return [];
}

export function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
