/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: the emulator as a child process of a benchmark, on 127.0.0.1 */
import { BotApiEmulator, type EmulatorOptions } from './server';

/**
 * The Bot API emulator in a process of its own, as Telegram is another machine: a benchmark forks
 * it (over an IPC channel) so the node under test does not share its process, and its core, with
 * the server it measures. The parent asks, the child answers; nothing else crosses.
 */

export type ControlRequest = { id: number } & (
	| { type: 'start'; options: EmulatorOptions; chats: number[] }
	| { type: 'calls'; method: string; params: string[]; files?: string[] }
	| { type: 'addFile'; size: number; path: string }
	| { type: 'floodRefusals' }
	| { type: 'stop' }
);

/**
 * A method's recorded calls as columns (one entry per call in arrival order): 10,000 calls cross
 * the channel as a few arrays of numbers rather than 10,000 objects. `params` holds only the
 * parameters asked for, `fileSizes` the bytes received in each multipart file field asked for
 * (null where a call had no file in it).
 */
export interface RecordedColumns {
	at: number[];
	status: number[];
	params: Record<string, unknown[]>;
	fileSizes: Record<string, Array<number | null>>;
}

export type ControlAnswer = { id: number } & (
	| { ok: true; value: unknown }
	| { ok: false; error: string }
);

let emulator: BotApiEmulator | undefined;

async function answer(request: ControlRequest): Promise<unknown> {
	switch (request.type) {
		case 'start': {
			emulator = new BotApiEmulator(request.options);
			await emulator.start();
			for (const id of request.chats) {
				emulator.addChat(
					id < 0
						? { id, type: 'supergroup', title: `Team ${-id}` }
						: { id, type: 'private', first_name: `User ${id}` },
				);
			}
			return emulator.baseUrl;
		}
		case 'calls': {
			const calls = started().callsOf(request.method);
			const columns: RecordedColumns = {
				at: calls.map((call) => call.at),
				status: calls.map((call) => call.status),
				params: Object.fromEntries(
					request.params.map((name) => [name, calls.map((call) => call.params[name])]),
				),
				fileSizes: Object.fromEntries(
					(request.files ?? []).map((name) => [
						name,
						calls.map((call) => call.files[name]?.size ?? null),
					]),
				),
			};
			return columns;
		}
		case 'addFile':
			return started().addFile(request.size, request.path);
		case 'floodRefusals':
			return started().floodRefusals;
		case 'stop':
			await emulator?.stop();
			emulator = undefined;
			return null;
	}
}

function started(): BotApiEmulator {
	if (!emulator) throw new Error('the emulator has not been started');
	return emulator;
}

process.on('message', (request: ControlRequest) => {
	void answer(request).then(
		(value) => send({ id: request.id, ok: true, value }, request.type === 'stop'),
		(error: Error) => send({ id: request.id, ok: false, error: error.message }, false),
	);
});

function send(message: ControlAnswer, last: boolean): void {
	process.send?.(message, undefined, undefined, () => {
		if (last) process.exit(0);
	});
}

// The parent gone (finished, crashed, killed): no emulator outlives its benchmark.
process.on('disconnect', () => process.exit(0));
