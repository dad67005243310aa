/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test-only: starts and stops throwaway Redis and PostgreSQL servers */
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chownSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import { freePort, ROOT } from '../e2e/n8nProcess';

const run = promisify(execFile);

/** n8n's own Redis client, from the pinned runtime. */
const runtimeRequire = createRequire(join(ROOT, '.n8n-runtime/node_modules/n8n/package.json'));

/** A server in its own process group on 127.0.0.1, stopped by its process id. */
abstract class Service {
	port = 0;
	protected process?: ChildProcess;
	protected output = '';
	readonly folder = mkdtempSync(join(tmpdir(), 'n8n-queue-'));

	protected launch(command: string, args: string[]): void {
		this.process = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
		this.process.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
		this.process.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
	}

	protected async until(what: string, probe: () => Promise<boolean>): Promise<void> {
		const deadline = Date.now() + 30_000;
		while (Date.now() < deadline) {
			if (this.process?.exitCode !== null) throw new Error(`${what} exited early:\n${this.output}`);
			if (await probe().catch(() => false)) return;
			await new Promise((r) => setTimeout(r, 100));
		}
		throw new Error(`${what} did not start:\n${this.output}`);
	}

	/** Stops the server by its process id, with `signal` (each server has its own fast shutdown). */
	protected async halt(signal: NodeJS.Signals): Promise<void> {
		const child = this.process;
		if (child?.pid !== undefined && child.exitCode === null) {
			const exited = new Promise<void>((r) => child.once('exit', () => r()));
			process.kill(-child.pid, signal);
			const timer = setTimeout(() => child.pid && process.kill(-child.pid, 'SIGKILL'), 15_000);
			await exited;
			clearTimeout(timer);
		}
		rmSync(this.folder, { recursive: true, force: true });
	}
}

export class RedisServer extends Service {
	async start(): Promise<void> {
		this.port = await freePort();
		// No persistence: the queue lives and dies with the test.
		this.launch('redis-server', [
			'--port',
			String(this.port),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			this.folder,
		]);
		await this.until('redis-server', async () => {
			const { stdout } = await run('redis-cli', ['-p', String(this.port), 'ping']);
			return stdout.trim() === 'PONG';
		});
	}

	/** Every key and every value Redis holds, as text (strings, hashes, lists, sets, sorted sets). */
	async everything(): Promise<string> {
		const Redis = runtimeRequire('ioredis') as new (options: object) => RedisClient;
		const client = new Redis({ host: '127.0.0.1', port: this.port, lazyConnect: false });
		try {
			const out: string[] = [];
			for (const key of await client.keys('*')) {
				const type = await client.type(key);
				const value =
					type === 'string'
						? [await client.get(key)]
						: type === 'hash'
							? Object.entries(await client.hgetall(key)).flat()
							: type === 'list'
								? await client.lrange(key, 0, -1)
								: type === 'set'
									? await client.smembers(key)
									: type === 'zset'
										? await client.zrange(key, 0, -1)
										: [JSON.stringify(await client.xrange(key, '-', '+'))];
				out.push(key, ...value.map(String));
			}
			return out.join('\n');
		} finally {
			client.disconnect();
		}
	}

	async stop(): Promise<void> {
		await this.halt('SIGTERM');
	}
}

interface RedisClient {
	keys(pattern: string): Promise<string[]>;
	type(key: string): Promise<string>;
	get(key: string): Promise<string | null>;
	hgetall(key: string): Promise<Record<string, string>>;
	lrange(key: string, start: number, stop: number): Promise<string[]>;
	smembers(key: string): Promise<string[]>;
	zrange(key: string, start: number, stop: number): Promise<string[]>;
	xrange(key: string, start: string, end: string): Promise<unknown>;
	disconnect(): void;
}

/** PostgreSQL's programs from Debian's package (`/usr/lib/postgresql/<version>/bin`), newest first. */
function postgresBin(program: string): string {
	const base = '/usr/lib/postgresql';
	const version = readdirSync(base).sort((a, b) => Number(b) - Number(a))[0];
	return join(base, version, 'bin', program);
}

export class PostgresServer extends Service {
	readonly user = 'postgres';
	readonly database = 'postgres';

	/** PostgreSQL refuses to run as root: as root, its programs run as the `postgres` account. */
	private asUser(program: string, args: string[]): [string, string[]] {
		const path = postgresBin(program);
		return process.getuid?.() === 0
			? ['runuser', ['-u', 'postgres', '--', path, ...args]]
			: [path, args];
	}

	async start(): Promise<void> {
		this.port = await freePort();
		const data = join(this.folder, 'data');
		if (process.getuid?.() === 0) chownSync(this.folder, uidOf('postgres'), gidOf('postgres'));
		await run(
			...this.asUser('initdb', [
				'-D',
				data,
				'-U',
				this.user,
				'--auth=trust',
				'--no-sync',
				'-E',
				'UTF8',
			]),
		);
		this.launch(
			...this.asUser('postgres', [
				'-D',
				data,
				'-p',
				String(this.port),
				'-k',
				this.folder,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
			]),
		);
		await this.until('postgres', async () => {
			await run(postgresBin('pg_isready'), ['-h', '127.0.0.1', '-p', String(this.port)]);
			return true;
		});
	}

	/** `pg_dump` of the whole database, as text. */
	async dump(): Promise<string> {
		const { stdout } = await run(
			postgresBin('pg_dump'),
			['-h', '127.0.0.1', '-p', String(this.port), '-U', this.user, this.database],
			{ maxBuffer: 256 * 1024 * 1024 },
		);
		return stdout;
	}

	/** n8n's database settings for this server. */
	get n8nEnv(): Record<string, string> {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.port),
			DB_POSTGRESDB_USER: this.user,
			DB_POSTGRESDB_DATABASE: this.database,
			DB_POSTGRESDB_PASSWORD: '',
		};
	}

	async stop(): Promise<void> {
		// SIGINT: PostgreSQL's fast shutdown (SIGTERM waits for every client to leave).
		await this.halt('SIGINT');
	}
}

function uidOf(user: string): number {
	return Number(execFileSync('id', ['-u', user]).toString());
}

function gidOf(user: string): number {
	return Number(execFileSync('id', ['-g', user]).toString());
}
