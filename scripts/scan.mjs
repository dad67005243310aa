// npm run scan: n8n's community-package scanner (the checks behind verification, the gate for
// n8n Cloud) on the source and on the packed tarball, exactly as its CLI lints them after it has
// fetched a published package: the source with its node/credential patterns, the tarball's `.js`
// and package.json. Prints every finding and exits non-zero on any.
//
// The scanner is installed from the npm registry into node_modules/.cache on first use rather
// than as a devDependency: it pins its own eslint and typescript (~220 MB), and its install
// scripts fail offline, so it gets `--ignore-scripts` like the CLI's own docs suggest.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const SCANNER_VERSION = '0.32.0';
const root = resolve(import.meta.dirname, '..');
const prefix = join(root, 'node_modules', '.cache', `n8n-scan-${SCANNER_VERSION}`);
const entry = join(
	prefix,
	'node_modules',
	'@n8n',
	'scan-community-package',
	'scanner',
	'scanner.mjs',
);

const run = (cmd, args, cwd) =>
	execFileSync(cmd, args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

if (!existsSync(entry)) {
	mkdirSync(prefix, { recursive: true });
	console.log(`Installing @n8n/scan-community-package@${SCANNER_VERSION} into ${prefix}`);
	run(
		'npm',
		[
			'install',
			'--prefix',
			prefix,
			'--ignore-scripts',
			// The project's .npmrc skips peer dependencies; the scanner's parser needs its typescript peer.
			'--legacy-peer-deps=false',
			'--no-audit',
			'--no-fund',
			'--no-save',
			'--no-package-lock',
			`@n8n/scan-community-package@${SCANNER_VERSION}`,
		],
		root,
	);
}
const { analyzePackage, SOURCE_FILE_PATTERNS } = await import(pathToFileURL(entry).href);

/** The published artifact: `npm pack` of the built package, unpacked as n8n would install it. */
function unpackTarball() {
	if (!existsSync(join(root, 'dist'))) run('npm', ['run', 'build'], root);
	const work = mkdtempSync(join(tmpdir(), 'n8n-scan-'));
	run('npm', ['pack', '--pack-destination', work, '--ignore-scripts', '--silent'], root);
	const tarball = readdirSync(work).find((name) => name.endsWith('.tgz'));
	run('tar', ['-xzf', join(work, tarball), '-C', work], root);
	return { work, dir: join(work, 'package') };
}

/** Findings in the scanner's stylish report: one line per finding, `line:col  error  text  rule`. */
const countFindings = (details = '') =>
	details.split('\n').filter((line) => /^\s+\d+:\d+\s+(error|warning)\s/.test(line)).length;

let total = 0;
const report = (label, result) => {
	const findings = result.passed ? 0 : Math.max(countFindings(result.details), 1);
	total += findings;
	console.log(`${label}: ${findings} finding(s)${result.passed ? '' : ` (${result.message})`}`);
	if (result.details) console.log(result.details);
};

report('source', await analyzePackage(root, SOURCE_FILE_PATTERNS));
const { work, dir } = unpackTarball();
try {
	const files = run('find', ['.', '-type', 'f'], dir).trim().split('\n').sort();
	console.log(`tarball: ${files.length} files: ${files.join(' ')}`);
	report('tarball', await analyzePackage(dir, ['**/*.js', 'package.json']));
} finally {
	rmSync(work, { recursive: true, force: true });
}
console.log(`SCAN findings=${total}`);
process.exit(total === 0 ? 0 : 1);
