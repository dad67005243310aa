// n8n-node build compiles with tsc only. Libraries we use at run time (jsonpath-plus) are
// devDependencies, so each built node file is re-bundled with them inlined: the published
// package then needs nothing but n8n-workflow, which n8n provides.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];

await build({
	entryPoints: entries,
	outdir: 'dist',
	outbase: 'dist',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	external: ['n8n-workflow'],
	allowOverwrite: true,
	// n8n's scanner lints the tarball with no-console; marked logs only in its `silent` mode,
	// which the converter never sets.
	drop: ['console'],
	sourcemap: false,
	logLevel: 'warning',
});
