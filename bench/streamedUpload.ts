/* eslint-disable no-console, @n8n/community-nodes/no-restricted-imports -- a benchmark prints its figures and makes its test file */
import { Readable } from 'node:stream';

import type { IBinaryData } from 'n8n-workflow';
import { afterAll, beforeAll, expect, it } from 'vitest';

import {
	defaultCredentials,
	deleteBinary,
	runAction,
	storeBinary,
	useFilesystemBinaryStore,
} from '../test/harness';
import { growthFigures, measureGrowth } from './memoryGrowth';
import { RemoteEmulator } from './remoteEmulator';

const MB = 1024 * 1024;
const WARM_UP_MB = 1;

/** `megabytes` of file content, the same megabyte again and again: making it costs no memory. */
function content(megabytes: number): Readable {
	const chunk = Buffer.alloc(MB, 0x5a);
	return Readable.from(
		(function* () {
			for (let i = 0; i < megabytes; i++) yield chunk;
		})(),
	);
}

/**
 * P4 for a file of `fileMb`: Send Document of a binary field already in n8n's on-disk store (an
 * earlier node put it there), uploaded to the emulator in its own process (Telegram is another
 * machine), which counts the bytes it receives and keeps none. Measured after a 1 MB upload, as
 * an n8n that has sent a file before: the first upload of a process loads and compiles its code
 * path once, which says nothing of the file's size (`warm_up_rss_growth_mb`).
 */
export function streamedUpload(fileMb: number): void {
	let emulator: RemoteEmulator;
	let warmUpFile: IBinaryData;
	let file: IBinaryData;

	beforeAll(async () => {
		await useFilesystemBinaryStore();
		emulator = await RemoteEmulator.start({}, []);
		const type = 'application/octet-stream';
		warmUpFile = await storeBinary(content(WARM_UP_MB), 'warm-up.bin', type);
		file = await storeBinary(content(fileMb), 'evidence.bin', type);
	});
	afterAll(async () => {
		await emulator?.stop();
		await deleteBinary([warmUpFile, file]);
	});

	const upload = async (stored: IBinaryData) =>
		await measureGrowth(
			async () =>
				await runAction(
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
					[{ $binary: { data: { stored } } }],
				),
		);

	it(`P4 streamed upload of ${fileMb} MB`, async () => {
		const warmUp = await upload(warmUpFile);
		expect(warmUp.value.error).toBeUndefined();
		const { value, growth } = await upload(file);
		const received = (await emulator.callsOf('sendDocument', [], ['document'])).map(
			(call) => call.fileSizes.document,
		);
		console.log(
			`BENCH P4 file_mb=${fileMb} received_mb=${((received[1] ?? 0) / MB).toFixed(0)} ${growthFigures(growth)} warm_up_mb=${WARM_UP_MB} warm_up_rss_growth_mb=${warmUp.growth.rssMb.toFixed(1)}`,
		);
		expect(value.error).toBeUndefined();
		expect(value.items).toHaveLength(1);
		expect(received).toEqual([WARM_UP_MB * MB, fileMb * MB]);
	});
}
