/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a benchmark prints its figures, writes a test file and samples its own memory */
import { mkdtempSync, openSync, rmSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { BotApiEmulator } from '../test/emulator/server';
import { defaultCredentials, runAction, useFilesystemBinaryStore } from '../test/harness';

const FILE_MB = 200;
const TARGET_MB = 64;

const emulator = new BotApiEmulator();
const folder = mkdtempSync(join(tmpdir(), 'bench-upload-'));
const path = join(folder, 'evidence.bin');

beforeAll(async () => {
	await useFilesystemBinaryStore();
	await emulator.start();
	// Written in 1 MB chunks so that making the file does not itself raise the peak.
	const chunk = Buffer.alloc(1024 * 1024, 0x5a);
	const fd = openSync(path, 'w');
	for (let i = 0; i < FILE_MB; i++) writeSync(fd, chunk);
	closeSync(fd);
});
afterAll(async () => {
	await emulator.stop();
	rmSync(folder, { recursive: true, force: true });
});

/** P4: a 200 MB document from a binary field stored on disk, uploaded to the emulator (which counts bytes, not keeps them). */
it('P4 streamed upload', async () => {
	globalThis.gc?.();
	const before = process.memoryUsage().rss;
	let peak = before;
	const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 20);
	const { items, error } = await runAction(
		defaultCredentials(emulator.baseUrl),
		{
			resource: 'message',
			operation: 'sendDocument',
			chatId: { __rl: true, mode: 'id', value: '-1001234567890' },
			source: 'binary',
			binaryPropertyName: 'data',
			caption: 'Evidence archive',
			options: {},
		},
		[
			{
				$binary: { data: { path, fileName: 'evidence.bin', mimeType: 'application/octet-stream' } },
			},
		],
	);
	clearInterval(timer);
	peak = Math.max(peak, process.memoryUsage().rss);
	const growthMb = (peak - before) / 1024 / 1024;
	const received = emulator.callsOf('sendDocument')[0]?.files.document?.size ?? 0;
	console.log(
		`BENCH P4 file_mb=${FILE_MB} received_mb=${(received / 1024 / 1024).toFixed(0)} peak_rss_growth_mb=${growthMb.toFixed(1)} target_mb=${TARGET_MB} ratio=${(growthMb / TARGET_MB).toFixed(2)} growth_per_file_mb=${(growthMb / FILE_MB).toFixed(3)}`,
	);
	expect(error).toBeUndefined();
	expect(items).toHaveLength(1);
	expect(received).toBe(FILE_MB * 1024 * 1024);
});
