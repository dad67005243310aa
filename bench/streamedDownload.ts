/* eslint-disable no-console -- a benchmark prints its figures */
import type { IBinaryData } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';

import {
	defaultCredentials,
	deleteBinary,
	runAction,
	useFilesystemBinaryStore,
} from '../test/harness';
import { growthFigures, measureGrowth } from './memoryGrowth';
import { RemoteEmulator } from './remoteEmulator';

const MB = 1024 * 1024;
const WARM_UP_MB = 1;

/**
 * P10 for a file of `fileMb`: File → Get from a self-hosted Bot API server without --local (files
 * of any size, served over HTTP) into n8n's on-disk binary store. The emulator runs in its own
 * process (Telegram is another machine) and generates the bytes a megabyte at a time. Measured
 * after a 1 MB download, as an n8n that has fetched a file before (`warm_up_rss_growth_mb`).
 */
export function streamedDownload(fileMb: number): void {
	let emulator: RemoteEmulator;
	const stored: Array<IBinaryData | undefined> = [];

	beforeAll(async () => {
		await useFilesystemBinaryStore();
		emulator = await RemoteEmulator.start({ selfHosted: true }, []);
	});
	afterAll(async () => {
		await emulator?.stop();
		await deleteBinary(stored);
	});

	const download = async (megabytes: number, path: string) => {
		const file = await emulator.addFile(megabytes * MB, path);
		const run = await measureGrowth(
			async () =>
				await runAction(defaultCredentials(emulator.baseUrl), {
					resource: 'file',
					operation: 'get',
					fileId: file.file_id,
					download: true,
					binaryPropertyName: 'data',
					options: {},
				}),
		);
		stored.push(run.value.items[0]?.binary?.data);
		return run;
	};

	it(`P10 streamed download of ${fileMb} MB`, async () => {
		const warmUp = await download(WARM_UP_MB, 'documents/warm-up.bin');
		expect(warmUp.value.error).toBeUndefined();
		const { value, growth } = await download(fileMb, 'documents/evidence.bin');
		const binary = value.items[0]?.binary?.data;
		console.log(
			`BENCH P10 file_mb=${fileMb} stored_bytes=${binary?.bytes ?? 'none'} ${growthFigures(growth)} warm_up_mb=${WARM_UP_MB} warm_up_rss_growth_mb=${warmUp.growth.rssMb.toFixed(1)}`,
		);
		expect(value.error).toBeUndefined();
		expect(binary?.fileName).toBe('evidence.bin');
		expect(binary?.id).toMatch(/^filesystem/);
		// Every byte arrived and is in the store.
		expect(binary?.bytes).toBe(fileMb * MB);
	});
}
