// n8n-node build compiles with tsc only. Libraries we use at run time (jsonpath-plus) are
// devDependencies, so each built node file is re-bundled with them inlined: the published
// package then needs nothing but n8n-workflow, which n8n provides. package.json `files` ships
// only these bundles (with their codex .json and the icons), not the compiled modules beside them.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
const entries = [...pkg.n8n.nodes, ...pkg.n8n.credentials];
const require = createRequire(import.meta.url);

/**
 * jsonpath-plus without a native script engine: the core module its Node and browser entries both
 * extend (they only add `prototype.vm`, `require('vm')` or `new Function`, for `eval: 'native'`).
 * Its package exports hide src/, so it is reached by path. The unit tests alias it the same way.
 */
const jsonpathCore = join(
	dirname(require.resolve('jsonpath-plus/package.json')),
	'src/jsonpath.js',
);

await build({
	entryPoints: entries,
	outdir: 'dist',
	outbase: 'dist',
	bundle: true,
	platform: 'node',
	format: 'cjs',
	target: 'node20',
	external: ['n8n-workflow'],
	alias: {
		// Field Mapping evaluates JSONPath in safe mode only: n8n Cloud loads neither `vm` nor `Function`.
		'jsonpath-plus': jsonpathCore,
	},
	allowOverwrite: true,
	// n8n's scanner lints the tarball with no-console; marked logs only in its `silent` mode,
	// which the converter never sets.
	drop: ['console'],
	sourcemap: false,
	logLevel: 'warning',
});
