/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a Bot API server on 127.0.0.1, not node code */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Message, Update } from '@grammyjs/types';
import { request } from 'undici';

import { botMethods } from './bot';
import { callbackMethods } from './callbacks';
import { chatMethods } from './chats';
import { fail, reply } from './faults';
import { fileMethods, streamFile } from './files';
import { FloodControl, SENDING_METHOD } from './flood';
import { editMethods } from './edits';
import { memberMethods } from './members';
import { messageMethods } from './messages';
import { topicMethods } from './topics';
import { readParams, sleep } from './params';
import { logRequest } from './requestLog';
import { EmulatorState } from './state';
import {
	ApiError,
	type BotState,
	type EmulatorOptions,
	type Failure,
	type Methods,
	type Params,
	type RecordedCall,
} from './types';
import { updateMethods } from './updates';

export * from './types';

/**
 * A Bot API server that behaves like Telegram where our nodes can tell the difference: the
 * envelope, the error texts, offsets, the one-webhook rule, the secret header. Every call is
 * recorded; a failure can be armed for the next call(s) of a method. This file is the HTTP side
 * (routing, token check, armed failures, flood limits); each area's methods live in their own file.
 */

const TOKEN_FORMAT = /^\d+:[A-Za-z0-9_-]{30,}$/;

/** Random-looking: its secret half shares no run of 8 characters with anything else a test or n8n writes (IDs, texts, n8n's own assets), so a fragment found is a leak. */
export const DEFAULT_TOKEN = '7012345678:AAHq3Zx9Rk7vLm2Tq8Wp4Ys6Nd1Jf5Hc3Xb9';

/** A poll the bot sent to the group before the test, to stop. */
export const EARLIER_POLL = 9001;

function earlierMessages(bot: BotState): Message[] {
	const chat = { id: -1001234567890, type: 'supergroup', title: 'Security Operations' } as const;
	const from = {
		id: bot.user.id,
		is_bot: true,
		first_name: bot.user.first_name,
		username: bot.user.username,
	};
	const date = Math.floor(Date.now() / 1000) - 3600;
	return [
		{
			message_id: EARLIER_POLL,
			date,
			chat,
			from,
			poll: {
				id: 'poll-earlier',
				question: 'Escalate the phishing wave?',
				options: [
					{ text: 'Yes', voter_count: 3 },
					{ text: 'No', voter_count: 1 },
				],
				total_voter_count: 4,
				is_closed: false,
				is_anonymous: true,
				type: 'regular',
				allows_multiple_answers: false,
			},
		},
	] as unknown as Message[];
}

/** The seeded message sent through an inline query (edit it by inline_message_id). */
export const INLINE_MESSAGE_ID = 'BAAAAAoAAADHDhUAc2VjLW9wcw';

export class BotApiEmulator extends EmulatorState {
	readonly calls: RecordedCall[] = [];
	private readonly failures = new Map<string, Failure[]>();
	private readonly sockets = new Set<Socket>();
	private readonly flood?: FloodControl;
	/** Telegram's semantics, one handler per method, gathered from every area. */
	private readonly methods: Methods;
	private server?: Server;
	baseUrl = '';

	/** A failure every call gets, downloads included, after any armed with failNext. */
	alwaysFail?: Failure;

	constructor(options: EmulatorOptions = {}) {
		super(options);
		if (options.limits) this.flood = new FloodControl(options.limits);
		this.methods = {
			...botMethods(this),
			...updateMethods(this),
			...messageMethods(this),
			...editMethods(this),
			...fileMethods(this),
			...chatMethods(this),
			...memberMethods(this),
			...topicMethods(this),
			...callbackMethods(),
		};
		this.addBot(DEFAULT_TOKEN, {
			id: 7012345678,
			is_bot: true,
			first_name: 'Compliance Bot',
			username: 'compliance_test_bot',
		});
		this.addChat({
			id: 1001,
			type: 'private',
			first_name: 'Ada',
			last_name: 'Lovelace',
			username: 'ada',
		});
		this.addChat({ id: -1001234567890, type: 'supergroup', title: 'Security Operations' });
		this.addChat({ id: -4001, type: 'group', title: 'Audit Team' });
		this.addChat({
			id: -1005550001,
			type: 'supergroup',
			title: 'Incident Response',
			is_forum: true,
		});
		this.addChat({ id: -1005550002, type: 'supergroup', title: 'Vendor Bridge', is_forum: true });
		// A forum with one topic, two people asking to join the group, a group photo, an
		// administrator the bot promoted (69), and a message sent through an inline query: what the
		// operations' examples act on.
		this.topics.set(
			'-1005550001',
			new Map([
				[0, { name: 'General', icon_color: 7322096, closed: false }],
				[7, { name: 'Phishing reports', icon_color: 16478047, closed: false }],
			]),
		);
		// A second forum whose General topic is hidden (hence closed) and whose topic 8 is closed.
		this.topics.set(
			'-1005550002',
			new Map([
				[0, { name: 'General', icon_color: 7322096, closed: true, hidden: true }],
				[8, { name: 'Closed incidents', icon_color: 9367192, closed: true }],
			]),
		);
		this.joinRequests.set('-1001234567890', new Set([67, 68]));
		this.chatPhotos.add('-1001234567890');
		this.members.set('-1001234567890:69', { status: 'administrator', can_be_edited: true });
		this.inlineMessages.set(INLINE_MESSAGE_ID, { text: 'Approval pending' });
		this.bot().earlier.push(...earlierMessages(this.bot()));
		this.addChat({
			id: -1009876543210,
			type: 'channel',
			title: 'Alerts',
			username: 'alerts_channel',
		});
	}

	/** Sends refused with 429 by the flood limits. */
	get floodRefusals(): number {
		return this.flood?.refusals ?? 0;
	}

	async start(): Promise<string> {
		this.server = createServer((req, res) => void this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
		return this.baseUrl;
	}

	async stop(): Promise<void> {
		for (const bot of this.bots.values()) bot.waiters.splice(0).forEach((wake) => wake());
		for (const socket of this.sockets) socket.destroy();
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	bot(token = DEFAULT_TOKEN): BotState {
		const bot = this.bots.get(token);
		if (!bot) throw new Error('unknown bot');
		return bot;
	}

	/** Arm a failure for the next `times` calls of a method (`*` for any method). */
	failNext(method: string, failure: Failure, times = 1): void {
		const queue = this.failures.get(method.toLowerCase()) ?? [];
		for (let i = 0; i < times; i++) queue.push(failure);
		this.failures.set(method.toLowerCase(), queue);
	}

	callsOf(method: string): RecordedCall[] {
		return this.calls.filter((call) => call.method.toLowerCase() === method.toLowerCase());
	}

	/** Queue an update as Telegram would, assigning the next update_id. */
	pushUpdate(body: Omit<Update, 'update_id'>, token = DEFAULT_TOKEN): Update {
		const bot = this.bot(token);
		const update = { update_id: bot.nextUpdateId++, ...body } as Update;
		bot.updates.push(update);
		bot.waiters.splice(0).forEach((wake) => wake());
		return update;
	}

	/** POST an update to the registered webhook, with its secret unless told otherwise. */
	async deliver(
		update: unknown,
		options: {
			secret?: string | null;
			token?: string;
			rawBody?: string;
			contentType?: string;
		} = {},
	): Promise<{ status: number; body: string }> {
		const bot = this.bot(options.token);
		if (!bot.webhook.url) throw new Error('no webhook registered');
		const headers: Record<string, string> = {
			'content-type': options.contentType ?? 'application/json',
		};
		const secret = options.secret === undefined ? bot.webhook.secret_token : options.secret;
		if (secret) headers['x-telegram-bot-api-secret-token'] = secret;
		const response = await request(bot.webhook.url, {
			method: 'POST',
			headers,
			body: options.rawBody ?? JSON.stringify(update),
		});
		return { status: response.statusCode, body: await response.body.text() };
	}

	private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
		const url = new URL(req.url ?? '/', 'http://127.0.0.1');
		const download = /^\/file\/bot([^/]*)\/(.+)$/.exec(url.pathname);
		if (download) return this.serveFile(req, res, download[1], decodeURIComponent(download[2]));
		const match = /^\/bot([^/]*)\/([A-Za-z]+)$/.exec(url.pathname);
		if (!match) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		const [, token, method] = match;
		let parsed: { params: Params; files: RecordedCall['files'] };
		try {
			parsed = await readParams(req, url);
		} catch {
			return reply(res, 400, {
				ok: false,
				error_code: 400,
				description: 'Bad Request: invalid request body',
			});
		}
		const call: RecordedCall = {
			method,
			params: parsed.params,
			files: parsed.files,
			contentType: req.headers['content-type'] ?? '',
			token,
			at: Date.now(),
			status: 0,
		};
		this.calls.push(call);
		logRequest(call);
		res.on('finish', () => (call.status = res.statusCode));
		res.on('close', () => {
			if (!res.writableFinished) call.aborted = true;
		});
		if (this.options.latencyMs) await sleep(this.options.latencyMs);

		if (!TOKEN_FORMAT.test(token))
			return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		const bot = this.bots.get(token);
		if (!bot) return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });

		const failure =
			this.failures.get(method.toLowerCase())?.shift() ??
			this.failures.get('*')?.shift() ??
			this.alwaysFail;
		if (failure) return fail(req, res, failure, token);
		if (this.flood && SENDING_METHOD.test(method)) {
			const retryAfter = this.flood.check(
				token,
				String(parsed.params.chat_id ?? ''),
				parsed.params.allow_paid_broadcast === true ||
					parsed.params.allow_paid_broadcast === 'true',
			);
			if (retryAfter) {
				return reply(res, 429, {
					ok: false,
					error_code: 429,
					description: `Too Many Requests: retry after ${retryAfter}`,
					parameters: { retry_after: retryAfter },
				});
			}
		}

		const handler = this.methods[method.toLowerCase()];
		if (!handler)
			return reply(res, 404, {
				ok: false,
				error_code: 404,
				description: 'Not Found: method not found',
			});
		try {
			const result = await handler(bot, parsed.params, call);
			reply(res, 200, { ok: true, ...result });
		} catch (error) {
			if (error instanceof ApiError) {
				return reply(res, error.status, {
					ok: false,
					error_code: error.status,
					description: error.message,
					...(error.parameters ? { parameters: error.parameters } : {}),
				});
			}
			reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
		}
	}

	/** Whether the emulator answers this Bot API method (the operations' test checks each row's). */
	implements(method: string): boolean {
		return method.toLowerCase() in this.methods;
	}

	private async serveFile(
		req: IncomingMessage,
		res: ServerResponse,
		token: string,
		path: string,
	): Promise<void> {
		this.calls.push({
			method: 'download',
			params: { path },
			files: {},
			contentType: '',
			token,
			at: Date.now(),
			status: 0,
		});
		if (!this.bots.has(token))
			return reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
		const failure = this.failures.get('download')?.shift() ?? this.alwaysFail;
		if (failure) return await fail(req, res, failure, token);
		const file = [...this.files.values()].find((f) => f.file_path === path);
		if (!file) return reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		await streamFile(res, file);
	}
}
