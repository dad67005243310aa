import type { Chat, Message, Update, User } from '@grammyjs/types';

/** What the emulator's parts share: the request, the state of a bot and a chat, Telegram's refusal. */

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

export interface BotState {
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
	/** Messages in chats from before the test (a poll, a photo): found like sent ones, not listed in `sent`. */
	earlier: Message[];
	waiters: Array<() => void>;
	/** Ends the getUpdates call being held open: Telegram serves one poller per bot. */
	endPoll?: () => void;
}

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
	/** Sends with allow_paid_broadcast, per bot and second. */
	paidPerSecond?: number;
	perChatPerSecond?: number;
	/** Messages a chat may receive back to back ("short bursts are tolerated"). */
	chatBurst?: number;
	perGroupPerMinute?: number;
}

/** Telegram's refusal of a call: the status, its description, and `parameters` where it has them. */
export class ApiError extends Error {
	constructor(
		readonly status: number,
		message: string,
		readonly parameters?: Failure['parameters'],
	) {
		super(message);
	}
}

/** One Bot API method's semantics: the result, or an ApiError for Telegram's refusal. */
export type Handler = (
	bot: BotState,
	p: Params,
	call: RecordedCall,
) => Promise<{ result: unknown; description?: string }>;

/** Handlers by lower-cased method name, as Telegram matches them. */
export type Methods = Record<string, Handler>;
