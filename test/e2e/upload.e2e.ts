/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { join } from 'node:path';

import { afterAll, beforeAll, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { N8nInstance, ROOT } from './n8nProcess';

// Uploads leave n8n through its own request helper as a spec FormData that axios streams
// (transport/upload.ts): this checks that path inside the real n8n, with the file in its on-disk
// binary store, from the packed package.
const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();

beforeAll(async () => {
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
	await emulator.start();
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN);
	const workflow = join(ROOT, 'test/e2e/workflows/upload.json');
	expect((await n8n.cli(['import:workflow', `--input=${workflow}`])).code).toBe(0);
});

afterAll(async () => {
	await emulator.stop();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

it('sends a file from the binary store as multipart, caption byte for byte', async () => {
	const { code, stderr, execution } = await n8n.execute('wfTgUpload000001');
	expect(code, stderr).toBe(0);
	const runData = execution!.data.resultData.runData;
	const [call] = emulator.callsOf('sendDocument');
	expect(call.contentType).toMatch(/^multipart\/form-data; boundary=/);
	expect(call.params).toEqual({ chat_id: '-1001234567890', caption: 'Evidence\nline two — ✓' });
	expect(call.files.document).toEqual({
		filename: 'evidence.json',
		type: 'application/json',
		size: expect.any(Number),
	});
	expect(call.files.document.size).toBeGreaterThan(0);
	const sent = runData['Send Document'][0].data!.main[0].map((item) => item.json);
	expect(sent).toEqual([
		expect.objectContaining({
			caption: 'Evidence\nline two — ✓',
			document: expect.objectContaining({
				mime_type: 'application/json',
				file_size: call.files.document.size,
			}),
		}),
	]);
});
