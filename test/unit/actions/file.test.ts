/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a file on this machine's disk */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { homedir, tmpdir } from 'node:os';
import { join } from 'node:path';

import { describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../../emulator/server';
import { defaultCredentials, runAction } from '../../harness';
import { tokenLeaks } from '../../leaks';
import { actionSuite } from './setup';

const { emulator, run } = actionSuite();

describe('file', () => {
	it('downloads into a binary field with its name and type', async () => {
		const file = emulator.addFile(2048, 'documents/file_77.pdf', 'application/pdf');
		const { items, error } = await run({
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
			download: true,
			binaryPropertyName: 'evidence',
		});
		expect(error).toBeUndefined();
		expect(items[0].json).toMatchObject({
			file_id: file.file_id,
			file_path: 'documents/file_77.pdf',
			file_size: 2048,
		});
		expect(items[0].binary?.evidence).toMatchObject({
			fileName: 'file_77.pdf',
			mimeType: 'application/pdf',
		});
		expect(emulator.callsOf('download')[0].params.path).toBe('documents/file_77.pdf');
	});

	it('explains the 20 MB limit of the cloud server', async () => {
		const file = emulator.addFile(25 * 1024 * 1024, 'videos/file_big.mp4', 'video/mp4');
		const { error } = await run({
			resource: 'file',
			operation: 'get',
			fileId: file.file_id,
			download: true,
			binaryPropertyName: 'data',
		});
		expect(error?.message).toBe('Get File failed (400): Bad Request: file is too big');
		expect(error?.description).toMatch(/20 MB/);
	});

	it('reads the absolute path a local self-hosted server gives, where n8n may read files', async () => {
		const local = new BotApiEmulator({ selfHosted: true });
		await local.start();
		// n8n reads files only under N8N_RESTRICT_FILE_ACCESS_TO, ~/.n8n-files by default.
		// Like telegram-bot-api --local, which keeps files under a folder named after the token.
		const allowed = join(homedir(), '.n8n-files', 'bot-api-test', DEFAULT_TOKEN, 'documents');
		mkdirSync(allowed, { recursive: true });
		const path = join(allowed, 'scan.pdf');
		writeFileSync(path, '%PDF local');
		const elsewhereDir = join(mkdtempSync(join(tmpdir(), 'bot-api-local-')), DEFAULT_TOKEN);
		mkdirSync(elsewhereDir);
		const elsewhere = join(elsewhereDir, 'scan.pdf');
		writeFileSync(elsewhere, '%PDF local');
		const get = async (fileId: string) =>
			await runAction(defaultCredentials(local.baseUrl), {
				resource: 'file',
				operation: 'get',
				fileId,
				download: true,
				binaryPropertyName: 'data',
			});
		const result = await get(local.addFile(10, path, 'application/pdf').file_id);
		const blocked = await get(local.addFile(10, elsewhere, 'application/pdf').file_id);
		await local.stop();
		expect(blocked.error?.message).toMatch(
			/^Get File: the Bot API server keeps this file at .*N8N_RESTRICT_FILE_ACCESS_TO/,
		);
		expect(result.error).toBeUndefined();
		expect(tokenLeaks(result)).toEqual([]);
		expect(tokenLeaks(blocked)).toEqual([]);
		expect(result.items[0].binary?.data).toMatchObject({
			fileName: 'scan.pdf',
			mimeType: 'application/pdf',
		});
		expect(local.callsOf('download')).toHaveLength(0);
	});
});
