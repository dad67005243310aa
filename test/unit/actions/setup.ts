import { beforeAll } from 'vitest';

import { actionRunner } from '../../actionRun';
import { defaultCredentials, emulatorPerFile, useFilesystemBinaryStore } from '../../harness';

export { chat, FAST, GROUP } from '../../actionRun';

/** A PDF in the binary field `report`, as an input item's `$binary`. */
export const pdf = {
	report: { text: '%PDF-1.7 evidence', fileName: 'evidence.pdf', mimeType: 'application/pdf' },
};
export const png = (name: string) => ({
	text: `PNG ${name}`,
	fileName: `${name}.png`,
	mimeType: 'image/png',
});

/**
 * What every action suite needs: one emulator for the file (its calls, webhook and updates
 * emptied before each test), binary data stored on disk as n8n does, a runner that checks no
 * output carries the token, and credentials pointing at the emulator.
 */
export function actionSuite() {
	const emulator = emulatorPerFile();
	beforeAll(async () => await useFilesystemBinaryStore());
	return {
		emulator,
		run: actionRunner(emulator),
		credentials: () => defaultCredentials(emulator.baseUrl),
	};
}
