import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

const require = createRequire(import.meta.url);

/** The benchmarks that start a real n8n (`*.n8n.bench.ts`) run after the others, each on its own. */
class RealN8nLast extends BaseSequencer {
	async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
		const sorted = await super.sort(files);
		const inN8n = (file: TestSpecification) => file.moduleId.endsWith('.n8n.bench.ts');
		return [...sorted.filter((file) => !inN8n(file)), ...sorted.filter(inN8n)];
	}
}

export default defineConfig({
	test: {
		root: fileURLToPath(new URL('..', import.meta.url)),
		include: ['bench/**/*.bench.ts'],
		testTimeout: 300_000,
		// One benchmark at a time on any machine: rate figures measured side by side would measure each other.
		fileParallelism: false,
		sequence: { sequencer: RealN8nLast },
		// The emulator the send benchmarks fork, bundled once per run.
		globalSetup: ['bench/emulatorBundle.ts'],
		env: {
			N8N_USER_FOLDER: fileURLToPath(new URL('../node_modules/.cache/n8n-test', import.meta.url)),
		},
		alias: { 'n8n-workflow': require.resolve('n8n-workflow') },
	},
});
