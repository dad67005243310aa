/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions, @n8n/community-nodes/no-hardcoded-secrets -- test-only: starts and drives a real n8n process with a throwaway key */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import {
	cpSync,
	mkdirSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

import { request } from 'undici';

import { tokenLeaks } from '../leaks';
import { CREDENTIAL } from './fixtures';

const run = promisify(execFile);
export const ROOT = resolve(__dirname, '../..');

export async function freePort(): Promise<number> {
	return await new Promise((done, fail) => {
		const server = createServer();
		server.once('error', fail);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as { port: number };
			server.close(() => done(port));
		});
	});
}

/** Which n8n process to run: the main one, a webhook processor or a queue worker. */
export type N8nCommand = 'start' | 'webhook' | 'worker';

/**
 * Polls `probe` until it gives a value (not undefined or false); on timeout the error names what
 * was awaited, followed by `context()` (the end of n8n's log).
 */
export async function until<T>(
	what: string,
	probe: () => T | undefined | false | Promise<T | undefined | false>,
	context: () => string,
	timeoutMs = 60_000,
): Promise<T> {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		const value = await probe();
		if (value !== undefined && value !== false) return value;
		await new Promise((r) => setTimeout(r, 200));
	}
	throw new Error(`timed out waiting for ${what}\n${context()}`);
}

/**
 * A throwaway n8n: its own user folder (SQLite, config, logs), its own ports, and this package
 * installed from `npm pack` with production dependencies only, as Settings → Community Nodes would.
 * `env` adds to or overrides the environment of every command (queue mode: database, Redis).
 */
export class N8nInstance {
	readonly folder = mkdtempSync(join(tmpdir(), 'n8n-e2e-'));
	readonly logFile = join(this.folder, 'n8n.log');
	port = 0;
	private brokerPort = 0;
	private server?: ChildProcess;

	constructor(private readonly extraEnv: Record<string, string> = {}) {}

	/** `packageFrom`: copy the package another instance installed instead of packing it again. */
	async init(packageFrom?: N8nInstance): Promise<void> {
		this.port = await freePort();
		this.brokerPort = await freePort();
		if (packageFrom) cpSync(packageFrom.nodesDir, this.nodesDir, { recursive: true });
		else await this.installPackedPackage();
	}

	private get nodesDir(): string {
		return join(this.folder, '.n8n', 'nodes');
	}

	/** The process `start()` runs, if running. */
	get pid(): number | undefined {
		return this.server?.exitCode === null ? this.server.pid : undefined;
	}

	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	private env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
		// vitest's own variables (NODE_ENV=test, VITEST_*) would put n8n into its test mode.
		const inherited = Object.fromEntries(
			Object.entries(process.env).filter(
				([key]) => !key.startsWith('VITEST') && key !== 'NODE_ENV' && key !== 'NODE_OPTIONS',
			),
		);
		return {
			...inherited,
			NODE_ENV: 'production',
			N8N_USER_FOLDER: this.folder,
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			N8N_WEBHOOK_URL: `${this.baseUrl}/`,
			N8N_LOG_LEVEL: 'debug',
			N8N_LOG_OUTPUT: 'console,file',
			N8N_LOG_FILE_LOCATION: join(this.folder, 'n8n-file.log'),
			N8N_ENCRYPTION_KEY: 'e2e-encryption-key',
			...this.extraEnv,
			...extra,
		};
	}

	private async installPackedPackage(): Promise<void> {
		const packDir = join(this.folder, 'pack');
		mkdirSync(packDir, { recursive: true });
		const { stdout } = await run('npm', ['pack', '--json', '--pack-destination', packDir], {
			cwd: ROOT,
		});
		const tarball = join(packDir, (JSON.parse(stdout) as Array<{ filename: string }>)[0].filename);
		const nodesDir = this.nodesDir;
		mkdirSync(nodesDir, { recursive: true });
		writeFileSync(
			join(nodesDir, 'package.json'),
			JSON.stringify({ name: 'installed-nodes', private: true }),
		);
		// As n8n installs community packages: production dependencies only, peers come from n8n.
		await run(
			'npm',
			[
				'install',
				tarball,
				'--omit=dev',
				'--legacy-peer-deps',
				'--ignore-scripts',
				'--no-audit',
				'--no-fund',
			],
			{ cwd: nodesDir },
		);
	}

	/** One n8n CLI command (import, publish, execute), bounded in time. */
	async cli(
		args: string[],
		timeoutMs = 120_000,
	): Promise<{ code: number; stdout: string; stderr: string }> {
		return await new Promise((done) => {
			const child = execFile(
				'bash',
				[join(ROOT, 'scripts/n8n.sh'), ...args],
				{
					env: this.env({
						N8N_RUNNERS_BROKER_PORT: String(this.brokerPort + 1),
						N8N_LOG_OUTPUT: 'file',
					}),
					timeout: timeoutMs,
					maxBuffer: 64 * 1024 * 1024,
				},
				(error, stdout, stderr) => {
					this.appendLog(`$ n8n ${args.join(' ')}\n${stdout}\n${stderr}\n`);
					done({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
				},
			);
			child.stdin?.end();
		});
	}

	/** Credentials as `n8n import:credentials` takes them; the emulator's Telegram credential first. */
	async importCredentials(emulatorUrl: string, token: string, more: unknown[] = []): Promise<void> {
		const file = join(this.folder, 'credentials.json');
		writeFileSync(
			file,
			JSON.stringify([
				{
					...CREDENTIAL,
					type: 'telegramBotApi',
					data: { serverUrl: emulatorUrl, apiToken: token },
				},
				...more,
			]),
		);
		const imported = await this.cli(['import:credentials', `--input=${file}`]);
		if (imported.code !== 0) throw new Error(`import:credentials failed: ${imported.stderr}`);
	}

	/** Workflows as `n8n import:workflow --separate` takes them, each in a file of its own. */
	async importWorkflows(workflows: Array<{ id: string; [key: string]: unknown }>): Promise<void> {
		const folder = mkdtempSync(join(this.folder, 'workflows-'));
		for (const workflow of workflows)
			writeFileSync(join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
		const imported = await this.cli(['import:workflow', '--separate', `--input=${folder}`]);
		if (imported.code !== 0) throw new Error(`import:workflow failed: ${imported.stderr}`);
	}

	/** `n8n execute --rawOutput`, with the log it wrote meanwhile and the execution found in it. */
	async execute(workflowId: string, timeoutMs?: number) {
		const before = this.fileLog().length;
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput'], timeoutMs);
		const fileLog = this.fileLog().slice(before);
		return { ...result, fileLog, execution: lastExecution(fileLog) };
	}

	/** Activates a workflow as the editor's toggle does: by its current version. */
	async activate(workflowId: string): Promise<void> {
		const workflow = await this.rest('GET', `/workflows/${workflowId}`);
		const versionId = (workflow.json as { data: { versionId: string } }).data.versionId;
		const activated = await this.rest('POST', `/workflows/${workflowId}/activate`, { versionId });
		if (activated.status !== 200)
			throw new Error(
				`activating ${workflowId}: ${activated.status} ${JSON.stringify(activated.json)}`,
			);
	}

	async deactivate(workflowId: string): Promise<void> {
		const deactivated = await this.rest('POST', `/workflows/${workflowId}/deactivate`, {});
		if (deactivated.status !== 200)
			throw new Error(
				`deactivating ${workflowId}: ${deactivated.status} ${JSON.stringify(deactivated.json)}`,
			);
	}

	/**
	 * The files n8n wrote that hold the token or 8 characters of its secret half; the credentials
	 * file we imported from holds it in plain text by design and is left out.
	 */
	filesHoldingToken(token?: string): string[] {
		return this.everyFile()
			.filter((file) => !file.path.endsWith('credentials.json'))
			.filter((file) => tokenLeaks(file.content, token).length > 0)
			.map((file) => file.path);
	}

	private appendLog(text: string): void {
		writeFileSync(this.logFile, text, { flag: 'a' });
	}

	/**
	 * Starts `n8n start` (or a webhook processor or worker) and waits until its health check
	 * answers; a worker serves it on its own port when asked to.
	 */
	async start(timeoutMs = 120_000, command: N8nCommand = 'start'): Promise<void> {
		const worker: Record<string, string> =
			command === 'worker'
				? {
						QUEUE_HEALTH_CHECK_ACTIVE: 'true',
						QUEUE_HEALTH_CHECK_PORT: String(this.port),
						N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
					}
				: {};
		this.server = spawn('bash', [join(ROOT, 'scripts/n8n.sh'), command], {
			env: this.env(worker),
			detached: true,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		this.server.stdout?.on('data', (chunk: Buffer) => this.appendLog(chunk.toString()));
		this.server.stderr?.on('data', (chunk: Buffer) => this.appendLog(chunk.toString()));
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.server.exitCode !== null)
				throw new Error(`n8n exited early:\n${this.log().slice(-3000)}`);
			try {
				const response = await request(`${this.baseUrl}/healthz/readiness`);
				await response.body.dump();
				if (response.statusCode === 200) return;
			} catch {
				// not listening yet
			}
			await new Promise((r) => setTimeout(r, 250));
		}
		throw new Error(`n8n did not become ready within ${timeoutMs} ms:\n${this.log().slice(-3000)}`);
	}

	async stop(timeoutMs = 30_000): Promise<void> {
		const server = this.server;
		if (!server || server.exitCode !== null || server.pid === undefined) return;
		const exited = new Promise<void>((r) => server.once('exit', () => r()));
		process.kill(-server.pid, 'SIGTERM');
		const timer = setTimeout(() => server.pid && process.kill(-server.pid, 'SIGKILL'), timeoutMs);
		await exited;
		clearTimeout(timer);
		this.server = undefined;
	}

	fileLog(): string {
		const file = join(this.folder, 'n8n-file.log');
		return statSafe(file) ? readFileSync(file, 'utf8') : '';
	}

	log(): string {
		const files = [this.logFile, join(this.folder, 'n8n-file.log')];
		return files.map((file) => (statSafe(file) ? readFileSync(file, 'utf8') : '')).join('\n');
	}

	/** Every byte n8n wrote: database, its -wal, config, logs. */
	everyFile(): Array<{ path: string; content: Buffer }> {
		const out: Array<{ path: string; content: Buffer }> = [];
		const walk = (dir: string) => {
			for (const name of readdirSync(dir)) {
				const path = join(dir, name);
				if (name === 'node_modules' || name === 'pack') continue;
				const stat = statSafe(path);
				if (stat?.isDirectory()) walk(path);
				else if (stat?.isFile()) out.push({ path, content: readFileSync(path) });
			}
		};
		walk(this.folder);
		return out;
	}

	/** Owner account and session, for the REST calls a user makes in the editor (deactivate). */
	async rest(
		method: string,
		path: string,
		body?: unknown,
	): Promise<{ status: number; json: unknown }> {
		if (!this.cookie) {
			const setup = await request(`${this.baseUrl}/rest/owner/setup`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', 'browser-id': 'e2e-browser' },
				body: JSON.stringify({
					email: 'owner@example.com',
					firstName: 'E2E',
					lastName: 'Owner',
					password: 'E2e-password-1',
				}),
			});
			const setCookie = setup.headers['set-cookie'];
			this.cookie = (Array.isArray(setCookie) ? setCookie : [setCookie ?? ''])
				.map((c) => c.split(';')[0])
				.join('; ');
			await setup.body.dump();
		}
		const response = await request(`${this.baseUrl}/rest${path}`, {
			method: method as 'POST',
			headers: {
				'content-type': 'application/json',
				cookie: this.cookie,
				'browser-id': 'e2e-browser',
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.body.text();
		let json: unknown = text;
		try {
			json = JSON.parse(text);
		} catch {
			// keep the text
		}
		return { status: response.statusCode, json };
	}

	private cookie = '';

	remove(): void {
		rmSync(this.folder, { recursive: true, force: true });
	}

	/** Stops n8n and removes its folder; KEEP_N8N_E2E=1 keeps it (database, logs) for a look after a failure. */
	async dispose(): Promise<void> {
		await this.stop();
		if (!process.env.KEEP_N8N_E2E) this.remove();
	}

	/** Polls `probe` until it gives a value; on timeout, fails with the end of n8n's log. */
	async until<T>(
		what: string,
		probe: () => T | undefined | false | Promise<T | undefined | false>,
		timeoutMs = 60_000,
	): Promise<T> {
		return await until(what, probe, () => this.log().slice(-3000), timeoutMs);
	}
}

function statSafe(path: string) {
	try {
		return statSync(path);
	} catch {
		return undefined;
	}
}

export interface Execution {
	status?: string;
	data: {
		resultData: {
			error?: { message: string; description?: string };
			runData: Record<
				string,
				Array<{
					data?: { main: Array<Array<{ json: Record<string, unknown> }>> };
					error?: { message: string };
				}>
			>;
		};
	};
}

/**
 * `n8n execute --rawOutput` hands its result to the logger; with the log going to a JSON-lines
 * file (debug level, for the token search), the newest record holding an execution is the result.
 */
export function lastExecution(fileLog: string): Execution | undefined {
	const records = fileLog
		.split('\n')
		.filter((line) => line.startsWith('{"level":"info","message":"{'));
	for (const line of records.reverse()) {
		try {
			const parsed = JSON.parse((JSON.parse(line) as { message: string }).message) as Execution;
			if (parsed.data?.resultData) return parsed;
		} catch {
			// not an execution record
		}
	}
	return undefined;
}
