/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test-only: a Bot API server on 127.0.0.1, not node code */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

import type { Chat, Message, Update, User, WebhookInfo } from '@grammyjs/types';
import Busboy from 'busboy';
import { request } from 'undici';
import { EntityError, parseEntities, UnsupportedParseMode, type Parsed } from './entities';

import { logRequest } from './requestLog';

/**
 * A Bot API server that behaves like Telegram where our nodes can tell the difference: the
 * envelope, the error texts, offsets, the one-webhook rule, the secret header. Every call is
 * recorded; a failure can be armed for the next call(s) of a method.
 */

export type Params = Record<string, unknown>;

export interface RecordedCall {
	method: string;
	params: Params;
	/** Multipart file parts: field name → file name, MIME type and byte length. */
	files: Record<string, { filename: string; type: string; size: number }>;
	contentType: string;
	token: string;
	/** Date.now() when the request arrived. */
	at: number;
	/** The answer's HTTP status (0 until answered, or when the connection was reset). */
	status: number;
	/** The client closed the connection before the answer (an aborted long poll). */
	aborted?: boolean;
}

export interface Failure {
	status?: number;
	description?: string;
	parameters?: { retry_after?: number; migrate_to_chat_id?: number };
	/** Destroy the socket without an answer (ECONNRESET on the client). */
	reset?: boolean;
	/** Hold the answer back this long (timeouts). */
	delayMs?: number;
	/** Send this body verbatim (an HTML error page, malformed JSON, `{"ok":true}` without a result); `{token}` becomes the caller's token, as a server echoing the URL would. */
	rawBody?: string;
	/** Send the answer one byte at a time, this many milliseconds apart (a server that never quite answers). */
	trickleMs?: number;
	rawContentType?: string;
}

export interface StoredFile {
	file_id: string;
	file_unique_id: string;
	file_size: number;
	file_path: string;
	mimeType: string;
}

export interface ChatState {
	chat: Chat;
	/** For private chats: has the user pressed Start? */
	started: boolean;
	migratedTo?: number;
}

interface BotState {
	user: User.UserFromGetMe;
	webhook: {
		url: string;
		secret_token?: string;
		allowed_updates?: string[];
		max_connections?: number;
		ip_address?: string;
	};
	updates: Update[];
	nextUpdateId: number;
	nextMessageId: number;
	sent: Message[];
	waiters: Array<() => void>;
	/** Ends the getUpdates call being held open: Telegram serves one poller per bot. */
	endPoll?: () => void;
}

const TOKEN_FORMAT = /^\d+:[A-Za-z0-9_-]{30,}$/;
const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;

/** Random-looking: its secret half shares no run of 8 characters with anything else a test or n8n writes (IDs, texts, n8n's own assets), so a fragment found is a leak. */
export const DEFAULT_TOKEN = '7012345678:AAHq3Zx9Rk7vLm2Tq8Wp4Ys6Nd1Jf5Hc3Xb9';

export interface EmulatorOptions {
	/** Accept http:// webhook URLs and any host, like a self-hosted server started with --local. */
	selfHosted?: boolean;
	/** Enforce Telegram's flood limits on sends (429 with retry_after), as Telegram does. */
	limits?: FloodLimits;
	/** Milliseconds every answer is held back: the round trip to Telegram. */
	latencyMs?: number;
	/** getFile answers with an absolute path under a folder named after the token, as `telegram-bot-api --local` does. */
	localFiles?: boolean;
}

export interface FloodLimits {
	/** Time runs this many times faster: 10 turns "30 per second" into 300 per real second. */
	timeScale?: number;
	perSecond?: number;
	perChatPerSecond?: number;
	/** Messages a chat may receive back to back ("short bursts are tolerated"). */
	chatBurst?: number;
	perGroupPerMinute?: number;
}

/** A token bucket: `capacity` sends at once, refilled at `perMs` tokens per millisecond. */
class Bucket {
	private tokens: number;
	private last = Date.now();

	constructor(
		private readonly capacity: number,
		private readonly perMs: number,
	) {
		this.tokens = capacity;
	}

	/** Milliseconds until a token is there (0: there is one now). */
	waitMs(now: number): number {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
		this.last = now;
		return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
	}

	take(): void {
		this.tokens -= 1;
	}
}

const SENDING_METHOD = /^(send|forward|copy)/i;

export class BotApiEmulator {
	readonly calls: RecordedCall[] = [];
	readonly chats = new Map<string, ChatState>();
	private readonly bots = new Map<string, BotState>();
	private readonly failures = new Map<string, Failure[]>();
	private readonly sockets = new Set<Socket>();
	private readonly buckets = new Map<string, Bucket>();
	/** Files Telegram "has": uploads and seeded ones, by file_id. */
	readonly files = new Map<string, StoredFile>();
	private nextFile = 1;
	/** Bot profile texts and command lists, by method family and scope/language key. */
	readonly profile = new Map<string, unknown>();
	/** Chats the bot left; banned users per chat. */
	readonly left = new Set<string>();
	readonly banned = new Map<string, Set<number>>();
	/** Sends refused with 429 by the flood limits. */
	floodRefusals = 0;
	private server?: Server;
	baseUrl = '';

	constructor(private readonly options: EmulatorOptions = {}) {
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
			id: -1009876543210,
			type: 'channel',
			title: 'Alerts',
			username: 'alerts_channel',
		});
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

	addBot(
		token: string,
		user: Partial<User.UserFromGetMe> & { id: number; first_name: string; username: string },
	): void {
		this.bots.set(token, {
			user: {
				is_bot: true,
				can_join_groups: true,
				can_read_all_group_messages: false,
				supports_inline_queries: false,
				can_connect_to_business: false,
				has_main_web_app: false,
				...user,
			} as User.UserFromGetMe,
			webhook: { url: '' },
			updates: [],
			nextUpdateId: 100001,
			nextMessageId: 1,
			sent: [],
			waiters: [],
		});
	}

	addChat(chat: Chat, started = true): void {
		this.chats.set(String(chat.id), { chat, started });
		if ('username' in chat && chat.username) this.chats.set(`@${chat.username}`, { chat, started });
	}

	bot(token = DEFAULT_TOKEN): BotState {
		const bot = this.bots.get(token);
		if (!bot) throw new Error('unknown bot');
		return bot;
	}

	/** A failure every call gets, downloads included, after any armed with failNext. */
	alwaysFail?: Failure;

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
		if (!match)
			return this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		const [, token, method] = match;
		let parsed: { params: Params; files: RecordedCall['files'] };
		try {
			parsed = await readParams(req, url);
		} catch {
			return this.reply(res, 400, {
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
			return this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		const bot = this.bots.get(token);
		if (!bot)
			return this.reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });

		const failure =
			this.failures.get(method.toLowerCase())?.shift() ??
			this.failures.get('*')?.shift() ??
			this.alwaysFail;
		if (failure) return this.fail(req, res, failure, token);
		if (this.options.limits && SENDING_METHOD.test(method)) {
			const retryAfter = this.floodCheck(token, String(parsed.params.chat_id ?? ''));
			if (retryAfter) {
				this.floodRefusals++;
				return this.reply(res, 429, {
					ok: false,
					error_code: 429,
					description: `Too Many Requests: retry after ${retryAfter}`,
					parameters: { retry_after: retryAfter },
				});
			}
		}

		const handler = this.methods[method.toLowerCase()];
		if (!handler)
			return this.reply(res, 404, {
				ok: false,
				error_code: 404,
				description: 'Not Found: method not found',
			});
		try {
			const result = await handler.call(this, bot, parsed.params, call);
			this.reply(res, 200, { ok: true, ...result });
		} catch (error) {
			if (error instanceof ApiError) {
				return this.reply(res, error.status, {
					ok: false,
					error_code: error.status,
					description: error.message,
					...(error.parameters ? { parameters: error.parameters } : {}),
				});
			}
			this.reply(res, 500, { ok: false, error_code: 500, description: 'Internal Server Error' });
		}
	}

	/** Registers a file as if a user had sent it; its bytes are generated on download. */
	addFile(size: number, path: string, mimeType = 'application/octet-stream'): StoredFile {
		const n = this.nextFile++;
		const file = {
			file_id: `BQACAgIAAx-file-${n}`,
			file_unique_id: `AgAD${n}`,
			file_size: size,
			file_path: path,
			mimeType,
		};
		this.files.set(file.file_id, file);
		return file;
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
			return this.reply(res, 401, { ok: false, error_code: 401, description: 'Unauthorized' });
		const failure = this.failures.get('download')?.shift() ?? this.alwaysFail;
		if (failure) return await this.fail(req, res, failure, token);
		const file = [...this.files.values()].find((f) => f.file_path === path);
		if (!file)
			return this.reply(res, 404, { ok: false, error_code: 404, description: 'Not Found' });
		res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.file_size });
		// Generated a megabyte at a time, as the client takes it: a large file costs the emulator no memory.
		const chunk = Buffer.alloc(Math.min(file.file_size, 1024 * 1024), 0x41);
		for (let sent = 0; sent < file.file_size && !res.destroyed; sent += chunk.length) {
			const last = Math.min(chunk.length, file.file_size - sent);
			if (!res.write(last === chunk.length ? chunk : chunk.subarray(0, last)))
				await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
		}
		res.end();
	}

	/** A file parameter: an upload (recorded in `files`), a known file_id, or an HTTP URL. */
	private fileFrom(call: RecordedCall, value: unknown, field: string): StoredFile {
		const attached =
			typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : undefined;
		const upload = call.files[attached ?? field];
		if (upload) {
			const ext = upload.filename.includes('.') ? upload.filename.split('.').pop() : 'bin';
			return this.addFile(upload.size, `${field}s/file_${this.nextFile}.${ext}`, upload.type);
		}
		const text = String(value ?? '');
		const known = this.files.get(text);
		if (known) return known;
		if (/^https?:\/\//.test(text))
			return this.addFile(1024, `${field}s/file_${this.nextFile}.jpg`, 'image/jpeg');
		throw new ApiError(400, `Bad Request: wrong file identifier/HTTP URL specified`);
	}

	/** A Message as Telegram returns it from a send. */
	private message(bot: BotState, chat: Chat, extra: Record<string, unknown>): Message {
		const message = {
			message_id: bot.nextMessageId++,
			date: Math.floor(Date.now() / 1000),
			chat,
			from: {
				id: bot.user.id,
				is_bot: true,
				first_name: bot.user.first_name,
				username: bot.user.username,
			},
			...extra,
		} as unknown as Message;
		bot.sent.push(message);
		return message;
	}

	/** Seconds to wait when a send would break a limit, else 0 (and the send is counted). */
	private floodCheck(token: string, chatId: string): number {
		const limits = this.options.limits ?? {};
		const scale = limits.timeScale ?? 1;
		const perSecond = (limits.perSecond ?? 30) * scale;
		const perChat = (limits.perChatPerSecond ?? 1) * scale;
		const perGroup = (limits.perGroupPerMinute ?? 20) * scale;
		const buckets = [this.bucket(`bot:${token}`, limits.perSecond ?? 30, perSecond / 1000)];
		buckets.push(this.bucket(`chat:${token}:${chatId}`, limits.chatBurst ?? 3, perChat / 1000));
		if (chatId.startsWith('-') || chatId.startsWith('@')) {
			buckets.push(
				this.bucket(`group:${token}:${chatId}`, limits.perGroupPerMinute ?? 20, perGroup / 60_000),
			);
		}
		const now = Date.now();
		const waitMs = Math.max(...buckets.map((bucket) => bucket.waitMs(now)));
		if (waitMs > 0) return Math.max(1, Math.ceil(waitMs / 1000));
		buckets.forEach((bucket) => bucket.take());
		return 0;
	}

	private bucket(key: string, capacity: number, perMs: number): Bucket {
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = new Bucket(capacity, perMs);
			this.buckets.set(key, bucket);
		}
		return bucket;
	}

	private async fail(
		req: IncomingMessage,
		res: ServerResponse,
		failure: Failure,
		token: string,
	): Promise<void> {
		if (failure.delayMs) await sleep(failure.delayMs);
		if (failure.reset) {
			req.socket.destroy();
			return;
		}
		const status = failure.status ?? 500;
		const raw = failure.rawBody !== undefined;
		const body = raw
			? failure.rawBody!.split('{token}').join(token)
			: JSON.stringify({
					ok: false,
					error_code: status,
					description:
						failure.description ?? defaultDescription(status, failure.parameters?.retry_after),
					...(failure.parameters ? { parameters: failure.parameters } : {}),
				});
		if (res.headersSent || res.destroyed) return;
		res.writeHead(status, {
			'content-type': raw ? (failure.rawContentType ?? 'text/html') : 'application/json',
			'content-length': Buffer.byteLength(body),
		});
		if (!failure.trickleMs) {
			res.end(body);
			return;
		}
		const bytes = Buffer.from(body);
		for (let at = 0; at < bytes.length && !res.destroyed; at++) {
			res.write(bytes.subarray(at, at + 1));
			await sleep(failure.trickleMs);
		}
		if (!res.destroyed) res.end();
	}

	private reply(res: ServerResponse, status: number, body: unknown): void {
		if (res.headersSent || res.destroyed) return;
		const text = JSON.stringify(body);
		res.writeHead(status, {
			'content-type': 'application/json',
			'content-length': Buffer.byteLength(text),
		});
		res.end(text);
	}

	/** Telegram's semantics, one method each. They throw ApiError for Telegram's refusals. */
	private readonly methods: Record<
		string,
		(
			bot: BotState,
			p: Params,
			call: RecordedCall,
		) => Promise<{ result: unknown; description?: string }>
	> = {
		getme: async (bot) => ({ result: bot.user }),
		getwebhookinfo: async (bot) => {
			const info: WebhookInfo = {
				url: bot.webhook.url,
				has_custom_certificate: false,
				pending_update_count: bot.webhook.url ? bot.updates.length : 0,
			};
			if (bot.webhook.url) {
				info.max_connections = bot.webhook.max_connections ?? 40;
				if (bot.webhook.ip_address) info.ip_address = bot.webhook.ip_address;
				if (bot.webhook.allowed_updates?.length) info.allowed_updates = bot.webhook.allowed_updates;
			}
			return { result: info };
		},
		setwebhook: async (bot, p) => {
			const url = String(p.url ?? '');
			if (url === '') {
				bot.webhook = { url: '' };
				return { result: true, description: 'Webhook was deleted' };
			}
			let parsed: URL;
			try {
				parsed = new URL(url);
			} catch {
				throw new ApiError(
					400,
					'Bad Request: bad webhook: Failed to resolve host: Name or service not known',
				);
			}
			if (parsed.protocol !== 'https:' && !this.options.selfHosted) {
				throw new ApiError(
					400,
					'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
				);
			}
			if (p.secret_token !== undefined && !SECRET_FORMAT.test(String(p.secret_token))) {
				throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
			}
			const max = p.max_connections === undefined ? undefined : Number(p.max_connections);
			if (max !== undefined && (max < 1 || max > 100) && !this.options.selfHosted) {
				throw new ApiError(400, 'Bad Request: max_connections must be between 1 and 100');
			}
			if (bool(p.drop_pending_updates)) bot.updates = [];
			const allowed =
				p.allowed_updates === undefined
					? bot.webhook.allowed_updates
					: (list(p.allowed_updates) as string[]);
			const same = bot.webhook.url === url;
			bot.webhook = {
				url,
				secret_token: p.secret_token as string | undefined,
				allowed_updates: allowed,
				max_connections: max,
				ip_address: p.ip_address as string | undefined,
			};
			return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
		},
		deletewebhook: async (bot, p) => {
			const had = !!bot.webhook.url;
			bot.webhook = { url: '' };
			if (bool(p.drop_pending_updates)) bot.updates = [];
			return {
				result: true,
				description: had ? 'Webhook was deleted' : 'Webhook is already deleted',
			};
		},
		getupdates: async (bot, p) => {
			if (bot.webhook.url) {
				throw new ApiError(
					409,
					"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
				);
			}
			const offset = p.offset === undefined ? 0 : Number(p.offset);
			const limit = Math.min(100, Math.max(1, p.limit === undefined ? 100 : Number(p.limit)));
			if (offset > 0) bot.updates = bot.updates.filter((u) => u.update_id >= offset);
			if (offset < 0) bot.updates = bot.updates.slice(offset);
			const timeout = Number(p.timeout ?? 0);
			bot.endPoll?.();
			if (bot.updates.length === 0 && timeout > 0) {
				const terminated = await new Promise<boolean>((resolve) => {
					const timer = setTimeout(() => resolve(false), timeout * 1000);
					const end = (byOther: boolean) => {
						clearTimeout(timer);
						if (bot.endPoll === terminate) bot.endPoll = undefined;
						resolve(byOther);
					};
					const terminate = () => end(true);
					bot.endPoll = terminate;
					bot.waiters.push(() => end(false));
				});
				if (terminated) {
					throw new ApiError(
						409,
						'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
					);
				}
			}
			const allowed =
				p.allowed_updates === undefined ? undefined : (list(p.allowed_updates) as string[]);
			const visible =
				allowed && allowed.length
					? bot.updates.filter((u) => allowed.some((type) => type in u))
					: bot.updates;
			return { result: visible.slice(0, limit) };
		},
		sendphoto: async (bot, p, call) => this.sendFile(bot, p, call, 'photo'),
		senddocument: async (bot, p, call) => this.sendFile(bot, p, call, 'document'),
		sendvideo: async (bot, p, call) => this.sendFile(bot, p, call, 'video'),
		sendaudio: async (bot, p, call) => this.sendFile(bot, p, call, 'audio'),
		sendvoice: async (bot, p, call) => this.sendFile(bot, p, call, 'voice'),
		sendanimation: async (bot, p, call) => this.sendFile(bot, p, call, 'animation'),
		sendsticker: async (bot, p, call) => this.sendFile(bot, p, call, 'sticker'),
		sendvideonote: async (bot, p, call) => this.sendFile(bot, p, call, 'video_note'),
		sendmediagroup: async (bot, p, call) => {
			const target = this.resolveChat(p.chat_id);
			const media = list(p.media) as Array<{
				type: string;
				media: string;
				caption?: string;
				parse_mode?: string;
			}>;
			if (media.length < 2 || media.length > 10)
				throw new ApiError(400, 'Bad Request: wrong number of media specified');
			const captions = media.map((entry) =>
				entry.caption
					? parsedText(entry.caption, entry.parse_mode, 'message caption', 1024)
					: undefined,
			);
			const group = `${Date.now()}${bot.nextMessageId}`;
			return {
				result: media.map((entry, index) => {
					const file = this.fileFrom(call, entry.media, entry.type);
					const caption = captions[index];
					return this.message(bot, target.chat, {
						media_group_id: group,
						[entry.type]: this.mediaObject(entry.type, file),
						...(caption ? { caption: caption.text } : {}),
						...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
					});
				}),
			};
		},
		sendlocation: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			const latitude = Number(p.latitude);
			const longitude = Number(p.longitude);
			if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
				throw new ApiError(400, 'Bad Request: wrong location');
			return { result: this.message(bot, target.chat, { location: { latitude, longitude } }) };
		},
		sendpoll: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			const options = list(p.options) as Array<{ text: string }>;
			if (options.length < 1 || options.length > 12)
				throw new ApiError(400, 'Bad Request: poll must have 1-12 options');
			const correct = p.correct_option_ids === undefined ? undefined : list(p.correct_option_ids);
			if (p.type === 'quiz' && !correct?.length)
				throw new ApiError(400, 'Bad Request: correct option ids must be specified for a quiz');
			if (
				correct?.some(
					(id) => !Number.isInteger(id) || Number(id) < 0 || Number(id) >= options.length,
				)
			)
				throw new ApiError(400, 'Bad Request: wrong correct option id specified');
			return {
				result: this.message(bot, target.chat, {
					poll: {
						id: `poll-${bot.nextMessageId}`,
						question: p.question,
						options: options.map((o) => ({ text: o.text, voter_count: 0 })),
						type: p.type ?? 'regular',
						is_anonymous: p.is_anonymous !== false,
						allows_multiple_answers: !!p.allows_multiple_answers,
						...(correct ? { correct_option_ids: correct } : {}),
					},
				}),
			};
		},
		senddice: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			return {
				result: this.message(bot, target.chat, { dice: { emoji: p.emoji ?? '🎲', value: 4 } }),
			};
		},
		sendchataction: async (_bot, p) => {
			this.resolveChat(p.chat_id);
			const actions = [
				'typing',
				'upload_photo',
				'record_video',
				'upload_video',
				'record_voice',
				'upload_voice',
				'upload_document',
				'choose_sticker',
				'find_location',
				'record_video_note',
				'upload_video_note',
			];
			if (!actions.includes(String(p.action)))
				throw new ApiError(400, 'Bad Request: wrong parameter action in request');
			return { result: true };
		},
		forwardmessage: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			const original = this.sentMessage(
				bot,
				p.from_chat_id,
				p.message_id,
				'message to forward not found',
			);
			return {
				result: this.message(bot, target.chat, {
					...this.content(original),
					forward_origin: { type: 'chat', sender_chat: original.chat, date: original.date },
				}),
			};
		},
		copymessage: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			const original = this.sentMessage(
				bot,
				p.from_chat_id,
				p.message_id,
				'message to copy not found',
			);
			const copy = this.message(bot, target.chat, {
				...this.content(original),
				...(p.caption ? { caption: p.caption } : {}),
			});
			return { result: { message_id: copy.message_id } };
		},
		editmessagetext: async (bot, p) => {
			const message = this.sentMessage(
				bot,
				p.chat_id,
				p.message_id,
				'message to edit not found',
			) as Message & Record<string, unknown>;
			if (!('text' in message))
				throw new ApiError(400, 'Bad Request: there is no text in the message to edit');
			const parsed = parsedText(p.text, p.parse_mode, 'message text', 4096);
			if (message.text === parsed.text && !p.reply_markup)
				throw new ApiError(
					400,
					'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message',
				);
			Object.assign(message, {
				text: parsed.text,
				entities: parsed.entities,
				edit_date: Math.floor(Date.now() / 1000),
				...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
			});
			return { result: message };
		},
		editmessagecaption: async (bot, p) => {
			const message = this.sentMessage(
				bot,
				p.chat_id,
				p.message_id,
				'message to edit not found',
			) as Message & Record<string, unknown>;
			if ('text' in message)
				throw new ApiError(400, 'Bad Request: there is no caption in the message to edit');
			const caption = p.caption
				? parsedText(p.caption, p.parse_mode, 'message caption', 1024)
				: undefined;
			Object.assign(message, {
				caption: caption?.text,
				caption_entities: caption?.entities,
				edit_date: Math.floor(Date.now() / 1000),
				...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
			});
			return { result: message };
		},
		editmessagereplymarkup: async (bot, p) => {
			const message = this.sentMessage(
				bot,
				p.chat_id,
				p.message_id,
				'message to edit not found',
			) as Message & Record<string, unknown>;
			Object.assign(message, {
				reply_markup: p.reply_markup,
				edit_date: Math.floor(Date.now() / 1000),
			});
			return { result: message };
		},
		deletemessage: async (bot, p) => {
			const message = this.sentMessage(bot, p.chat_id, p.message_id, 'message to delete not found');
			bot.sent.splice(bot.sent.indexOf(message), 1);
			return { result: true };
		},
		pinchatmessage: async (bot, p) => {
			this.sentMessage(bot, p.chat_id, p.message_id, 'message to pin not found');
			return { result: true };
		},
		unpinchatmessage: async (bot, p) => {
			this.sentMessage(bot, p.chat_id, p.message_id, 'message to unpin not found');
			return { result: true };
		},
		getchat: async (_bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			return {
				result: { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} },
			};
		},
		getchatadministrators: async (bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			if (chat.type === 'private')
				throw new ApiError(400, 'Bad Request: there are no administrators in the private chat');
			return {
				result: [
					{
						status: 'creator',
						user: { id: 1001, is_bot: false, first_name: 'Ada' },
						is_anonymous: false,
					},
					{
						status: 'administrator',
						user: {
							id: bot.user.id,
							is_bot: true,
							first_name: bot.user.first_name,
							username: bot.user.username,
						},
						can_be_edited: false,
						can_manage_chat: true,
						can_delete_messages: true,
						can_restrict_members: true,
						can_pin_messages: true,
						is_anonymous: false,
					},
				],
			};
		},
		getchatmember: async (_bot, p) => {
			this.resolveChat(p.chat_id);
			const userId = Number(p.user_id);
			if (!userId) throw new ApiError(400, 'Bad Request: PARTICIPANT_ID_INVALID');
			const banned = this.banned.get(String(p.chat_id))?.has(userId);
			return {
				result: {
					status: banned ? 'kicked' : 'member',
					user: { id: userId, is_bot: false, first_name: `User ${userId}` },
					...(banned ? { until_date: 0 } : {}),
				},
			};
		},
		getchatmembercount: async (_bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			return { result: chat.type === 'private' ? 2 : 42 };
		},
		leavechat: async (_bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			if (chat.type === 'private')
				throw new ApiError(
					400,
					"Bad Request: chat member status can't be changed in private chats",
				);
			this.left.add(String(p.chat_id));
			return { result: true };
		},
		setchattitle: async (_bot, p) => {
			const state = this.resolveChat(p.chat_id);
			if (state.chat.type === 'private')
				throw new ApiError(400, "Bad Request: chat title can't be changed in private chats");
			const title = String(p.title ?? '');
			if (!title || title.length > 128) throw new ApiError(400, 'Bad Request: chat title is empty');
			(state.chat as { title: string }).title = title;
			return { result: true };
		},
		setchatdescription: async (_bot, p) => {
			const state = this.resolveChat(p.chat_id);
			if (state.chat.type === 'private')
				throw new ApiError(400, "Bad Request: chat description can't be changed in private chats");
			return { result: true };
		},
		banchatmember: async (_bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			if (chat.type === 'private') throw new ApiError(400, "Bad Request: can't remove chat owner");
			const set = this.banned.get(String(p.chat_id)) ?? new Set<number>();
			set.add(Number(p.user_id));
			this.banned.set(String(p.chat_id), set);
			return { result: true };
		},
		unbanchatmember: async (_bot, p) => {
			this.resolveChat(p.chat_id);
			this.banned.get(String(p.chat_id))?.delete(Number(p.user_id));
			return { result: true };
		},
		createchatinvitelink: async (bot, p) => {
			const { chat } = this.resolveChat(p.chat_id);
			if (chat.type === 'private') throw new ApiError(400, 'Bad Request: CHAT_ID_INVALID');
			if (p.member_limit && p.creates_join_request)
				throw new ApiError(
					400,
					"Bad Request: can't create invite link with member limit and join requests",
				);
			return {
				result: {
					invite_link: `https://t.me/+AbCdEf${bot.nextMessageId++}`,
					creator: { id: bot.user.id, is_bot: true, first_name: bot.user.first_name },
					creates_join_request: !!p.creates_join_request,
					is_primary: false,
					is_revoked: false,
					...(p.name ? { name: p.name } : {}),
					...(p.expire_date ? { expire_date: Number(p.expire_date) } : {}),
					...(p.member_limit ? { member_limit: Number(p.member_limit) } : {}),
				},
			};
		},
		answercallbackquery: async (_bot, p) => {
			if (!p.callback_query_id)
				throw new ApiError(
					400,
					'Bad Request: query is too old and response timeout expired or query ID is invalid',
				);
			return { result: true };
		},
		answerinlinequery: async (_bot, p) => {
			if (!p.inline_query_id)
				throw new ApiError(
					400,
					'Bad Request: query is too old and response timeout expired or query ID is invalid',
				);
			const results = list(p.results) as Array<{ type?: string; id?: string }>;
			if (results.some((r) => !r.type || !r.id))
				throw new ApiError(400, 'Bad Request: RESULT_ID_INVALID');
			return { result: true };
		},
		getfile: async (_bot, p, call) => {
			const file = this.files.get(String(p.file_id ?? ''));
			if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
			if (file.file_size > 20 * 1024 * 1024 && !this.options.selfHosted)
				throw new ApiError(400, 'Bad Request: file is too big');
			const answer: Record<string, unknown> = { ...file };
			delete answer.mimeType;
			if (this.options.localFiles)
				answer.file_path = `/var/lib/telegram-bot-api/${call.token}/${file.file_path}`;
			return { result: answer };
		},
		setmycommands: async (_bot, p) => {
			const commands = list(p.commands) as Array<{ command: string; description: string }>;
			if (commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command)))
				throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
			this.profile.set(`commands:${scopeKey(p)}`, commands);
			return { result: true };
		},
		getmycommands: async (_bot, p) => ({
			result: this.profile.get(`commands:${scopeKey(p)}`) ?? [],
		}),
		deletemycommands: async (_bot, p) => {
			this.profile.delete(`commands:${scopeKey(p)}`);
			return { result: true };
		},
		setmydescription: async (_bot, p) => this.setText('description', p, 512),
		getmydescription: async (_bot, p) => ({
			result: { description: this.profile.get(`description:${p.language_code ?? ''}`) ?? '' },
		}),
		setmyshortdescription: async (_bot, p) => this.setText('short_description', p, 120),
		getmyshortdescription: async (_bot, p) => ({
			result: {
				short_description: this.profile.get(`short_description:${p.language_code ?? ''}`) ?? '',
			},
		}),
		setmyname: async (_bot, p) => this.setText('name', p, 64),
		getmyname: async (bot, p) => ({
			result: { name: this.profile.get(`name:${p.language_code ?? ''}`) ?? bot.user.first_name },
		}),
		sendcontact: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			if (!p.phone_number || !p.first_name)
				throw new ApiError(400, 'Bad Request: phone_number is empty');
			return {
				result: this.message(bot, target.chat, {
					contact: { phone_number: p.phone_number, first_name: p.first_name },
				}),
			};
		},
		sendmessage: async (bot, p) => {
			const target = this.resolveChat(p.chat_id);
			const parsed = parsedText(p.text, p.parse_mode, 'message text', 4096);
			const message = {
				message_id: bot.nextMessageId++,
				date: Math.floor(Date.now() / 1000),
				chat: target.chat,
				from: {
					id: bot.user.id,
					is_bot: true,
					first_name: bot.user.first_name,
					username: bot.user.username,
				},
				text: parsed.text,
				...(parsed.entities.length ? { entities: parsed.entities } : {}),
				...(p.message_thread_id ? { message_thread_id: Number(p.message_thread_id) } : {}),
			} as Message;
			bot.sent.push(message);
			return { result: message };
		},
	};

	private async sendFile(
		bot: BotState,
		p: Params,
		call: RecordedCall,
		kind: string,
	): Promise<{ result: unknown }> {
		const target = this.resolveChat(p.chat_id);
		const file = this.fileFrom(call, p[kind], kind);
		const caption = p.caption
			? parsedText(p.caption, p.parse_mode, 'message caption', 1024)
			: undefined;
		return {
			result: this.message(bot, target.chat, {
				[kind]: this.mediaObject(kind, file),
				...(caption ? { caption: caption.text } : {}),
				...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
				...(p.has_spoiler ? { has_media_spoiler: true } : {}),
				...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
			}),
		};
	}

	private mediaObject(kind: string, file: StoredFile): unknown {
		const base = {
			file_id: file.file_id,
			file_unique_id: file.file_unique_id,
			file_size: file.file_size,
		};
		if (kind === 'photo')
			return [
				{ ...base, width: 90, height: 90 },
				{ ...base, width: 1280, height: 1280 },
			];
		if (kind === 'document')
			return { ...base, file_name: file.file_path.split('/').pop(), mime_type: file.mimeType };
		return { ...base, mime_type: file.mimeType };
	}

	private sentMessage(
		bot: BotState,
		chatId: unknown,
		messageId: unknown,
		notFound: string,
	): Message {
		const { chat } = this.resolveChat(chatId);
		const message = bot.sent.find(
			(m) => m.chat.id === chat.id && m.message_id === Number(messageId),
		);
		if (!message) throw new ApiError(400, `Bad Request: ${notFound}`);
		return message;
	}

	private content(message: Message): Record<string, unknown> {
		const content: Record<string, unknown> = { ...message };
		for (const key of ['message_id', 'date', 'chat', 'from']) delete content[key];
		return content;
	}

	private setText(field: string, p: Params, max: number): { result: true } {
		const value = String(p[field] ?? '');
		if ([...value].length > max) throw new ApiError(400, `Bad Request: ${field} is too long`);
		this.profile.set(`${field}:${p.language_code ?? ''}`, value);
		return { result: true };
	}

	private resolveChat(chatId: unknown): ChatState {
		const key = String(chatId ?? '');
		if (!key) throw new ApiError(400, 'Bad Request: chat_id is empty');
		const state = this.chats.get(key);
		if (!state) throw new ApiError(400, 'Bad Request: chat not found');
		if (state.migratedTo !== undefined) {
			throw new ApiError(400, 'Bad Request: group chat was upgraded to a supergroup chat', {
				migrate_to_chat_id: state.migratedTo,
			});
		}
		if (state.chat.type === 'private' && !state.started) {
			throw new ApiError(403, "Forbidden: bot can't initiate conversation with a user");
		}
		return state;
	}
}

export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly parameters?: Failure['parameters'],
	) {
		super(message);
	}
}

function defaultDescription(status: number, retryAfter?: number): string {
	switch (status) {
		case 400:
			return 'Bad Request';
		case 401:
			return 'Unauthorized';
		case 403:
			return 'Forbidden';
		case 404:
			return 'Not Found';
		case 409:
			return 'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running';
		case 429:
			return `Too Many Requests: retry after ${retryAfter ?? 1}`;
		case 502:
			return 'Bad Gateway';
		default:
			return 'Internal Server Error';
	}
}

function scopeKey(p: Params): string {
	return `${JSON.stringify(p.scope ?? { type: 'default' })}:${p.language_code ?? ''}`;
}

function bool(value: unknown): boolean {
	return value === true || value === 'true' || value === '1';
}

function list(value: unknown): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string') {
		try {
			const parsed = JSON.parse(value) as unknown;
			return Array.isArray(parsed) ? parsed : [];
		} catch {
			return [];
		}
	}
	return [];
}

/**
 * A text or caption as Telegram stores it: markup parsed (or refused with Telegram's words),
 * surrounding whitespace trimmed, and the length limit applied to what is left.
 */
function parsedText(value: unknown, parseMode: unknown, what: string, limit: number): Parsed {
	let parsed: Parsed;
	try {
		parsed = parseEntities(
			String(value ?? ''),
			typeof parseMode === 'string' ? parseMode : undefined,
		);
	} catch (error) {
		if (error instanceof EntityError || error instanceof UnsupportedParseMode)
			throw new ApiError(400, error.message);
		throw error;
	}
	const lead = parsed.text.length - parsed.text.trimStart().length;
	const text = parsed.text.trim();
	if (!text) throw new ApiError(400, `Bad Request: ${what} is empty`);
	if ([...text].length > limit)
		throw new ApiError(
			400,
			`Bad Request: ${what === 'message text' ? 'message is' : `${what} is`} too long`,
		);
	const entities = parsed.entities
		.map((e) => ({ ...e, offset: Math.max(0, e.offset - lead) }))
		.map((e) => ({ ...e, length: Math.min(e.length, text.length - e.offset) }))
		.filter((e) => e.length > 0);
	return { text, entities };
}

async function readParams(
	req: IncomingMessage,
	url: URL,
): Promise<{ params: Params; files: RecordedCall['files'] }> {
	const params: Params = Object.fromEntries(url.searchParams.entries());
	const files: RecordedCall['files'] = {};
	const type = req.headers['content-type'] ?? '';
	if (type.startsWith('multipart/form-data')) {
		// Streamed and counted, never buffered: a 200 MB upload costs the emulator no memory.
		await new Promise<void>((resolve, reject) => {
			const parser = Busboy({ headers: req.headers, limits: { fileSize: Infinity } });
			parser.on('field', (name, value) => (params[name] = value));
			parser.on('file', (name, stream, info) => {
				const entry = { filename: info.filename, type: info.mimeType, size: 0 };
				files[name] = entry;
				stream.on('data', (chunk: Buffer) => (entry.size += chunk.length));
			});
			parser.on('close', resolve);
			parser.on('error', reject);
			req.pipe(parser);
		});
		for (const [key, value] of Object.entries(params)) {
			if (typeof value === 'string' && /^[[{]/.test(value)) {
				try {
					params[key] = JSON.parse(value);
				} catch {
					// A plain string that happens to start with a bracket.
				}
			}
		}
		return { params, files };
	}
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	const raw = Buffer.concat(chunks).toString('utf8');
	if (!raw) return { params, files };
	if (type.startsWith('application/json')) Object.assign(params, JSON.parse(raw) as Params);
	else if (type.startsWith('application/x-www-form-urlencoded'))
		Object.assign(params, Object.fromEntries(new URLSearchParams(raw)));
	return { params, files };
}

function sleep(ms: number): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, ms));
}
