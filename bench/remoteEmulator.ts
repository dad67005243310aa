/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test-only: forks, waits for and stops the benchmarks' emulator process */
import { fork, type ChildProcess } from 'node:child_process';

import type { EmulatorOptions, StoredFile } from '../test/emulator/server';
import type { ControlAnswer, ControlRequest, RecordedColumns } from '../test/emulator/standalone';
import { EMULATOR_BUNDLE } from './emulatorBundle';

/**
 * What a benchmark reads of one recorded call: its arrival, its answer, the parameters and the
 * sizes of the uploaded files it asked for.
 */
export interface RemoteCall {
	/** Date.now() in the emulator's process when the request arrived (one clock on one machine). */
	at: number;
	status: number;
	params: Record<string, unknown>;
	/** Bytes the emulator received in each multipart file field asked for; null if the call had none. */
	fileSizes: Record<string, number | null>;
}

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/** A distributive Omit, so each request type keeps its own fields. */
type Request = ControlRequest extends infer R ? (R extends unknown ? Omit<R, 'id'> : never) : never;

/**
 * The Bot API emulator running in a child process (test/emulator/standalone.ts, bundled by
 * bench/emulatorBundle.ts): the node under test reaches it over HTTP on 127.0.0.1 like a remote
 * Telegram, and the benchmark reads what it recorded over the IPC channel once the run is over.
 */
export class RemoteEmulator {
	baseUrl = '';
	private readonly child: ChildProcess;
	private readonly pending = new Map<number, Pending>();
	private nextId = 0;
	private readonly exited: Promise<void>;

	private constructor() {
		// Plain node, none of the benchmark worker's flags (vitest's loaders).
		this.child = fork(EMULATOR_BUNDLE, [], {
			execArgv: [],
			stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
		});
		this.child.on('message', (answer: ControlAnswer) => {
			const waiting = this.pending.get(answer.id);
			this.pending.delete(answer.id);
			if (answer.ok) waiting?.resolve(answer.value);
			else waiting?.reject(new Error(`emulator process: ${answer.error}`));
		});
		this.exited = new Promise((resolve) => this.child.once('exit', () => resolve()));
		void this.exited.then(() => {
			for (const waiting of this.pending.values())
				waiting.reject(new Error('the emulator process exited'));
			this.pending.clear();
		});
	}

	/** A fresh emulator process with `options`, knowing `chats` (negative IDs are supergroups). */
	static async start(options: EmulatorOptions, chats: number[]): Promise<RemoteEmulator> {
		const emulator = new RemoteEmulator();
		emulator.baseUrl = (await emulator.ask({ type: 'start', options, chats })) as string;
		return emulator;
	}

	/**
	 * The calls of `method` in arrival order, with the parameters named in `params` and the sizes
	 * of the files uploaded in the fields named in `files`.
	 */
	async callsOf(
		method: string,
		params: string[] = [],
		files: string[] = [],
	): Promise<RemoteCall[]> {
		const columns = (await this.ask({ type: 'calls', method, params, files })) as RecordedColumns;
		return columns.at.map((at, i) => ({
			at,
			status: columns.status[i],
			params: Object.fromEntries(params.map((name) => [name, columns.params[name][i]])),
			fileSizes: Object.fromEntries(files.map((name) => [name, columns.fileSizes[name][i]])),
		}));
	}

	/** Registers a file of `size` bytes at `path`, as if a user had sent it; its bytes are generated on download. */
	async addFile(size: number, path: string): Promise<StoredFile> {
		return (await this.ask({ type: 'addFile', size, path })) as StoredFile;
	}

	/** Sends refused with 429 by the flood limits. */
	async floodRefusals(): Promise<number> {
		return (await this.ask({ type: 'floodRefusals' })) as number;
	}

	/** Stops the server and the process; the process is killed by its id if it does not exit. */
	async stop(): Promise<void> {
		if (this.child.exitCode === null && this.child.signalCode === null) {
			let timer: NodeJS.Timeout | undefined;
			await Promise.race([
				this.ask({ type: 'stop' }).catch(() => undefined),
				new Promise((resolve) => (timer = setTimeout(resolve, 5_000))),
			]);
			clearTimeout(timer);
		}
		if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill();
		await this.exited;
	}

	private async ask(request: Request): Promise<unknown> {
		const id = this.nextId++;
		return await new Promise((resolve, reject) => {
			this.pending.set(id, { resolve, reject });
			this.child.send({ ...request, id } as ControlRequest, (error) => {
				if (error) {
					this.pending.delete(id);
					reject(error);
				}
			});
		});
	}
}
