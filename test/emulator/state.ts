import type { Chat, Message, User } from '@grammyjs/types';

import {
	ApiError,
	type BotState,
	type ChatState,
	type EmulatorOptions,
	type StoredFile,
} from './types';

export interface ForumTopicState {
	name: string;
	icon_color: number;
	icon_custom_emoji_id?: string;
	closed: boolean;
	hidden?: boolean;
}

/**
 * What Telegram knows: bots, chats, files, the bot's profile, members banned. The method handlers
 * of every area read and change it; tests seed it.
 */
export class EmulatorState {
	readonly chats = new Map<string, ChatState>();
	protected readonly bots = new Map<string, BotState>();
	/** Files Telegram "has": uploads and seeded ones, by file_id. */
	readonly files = new Map<string, StoredFile>();
	private nextFile = 1;
	/** Bot profile texts and command lists, by method family and scope/language key. */
	readonly profile = new Map<string, unknown>();
	/** Chats the bot left; banned users per chat. */
	readonly left = new Set<string>();
	readonly banned = new Map<string, Set<number>>();
	/** Messages sent through inline queries, by inline_message_id: only editable by that id. */
	readonly inlineMessages = new Map<string, Record<string, unknown>>();
	/** Forum topics by chat id, then message_thread_id. */
	readonly topics = new Map<string, Map<number, ForumTopicState>>();
	/** Pending join requests: chat id → user ids. */
	readonly joinRequests = new Map<string, Set<number>>();
	/** Chats that have a photo; members' rights; chat permissions; administrators' titles. */
	readonly chatPhotos = new Set<string>();
	readonly members = new Map<string, Record<string, unknown>>();
	readonly permissions = new Map<string, Record<string, unknown>>();
	/** Users the bot has met (getUserProfilePhotos knows them): private chats' users and these. */
	readonly users = new Set<number>([66, 67, 68]);

	constructor(readonly options: EmulatorOptions = {}) {}

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
			earlier: [],
			waiters: [],
		});
	}

	addChat(chat: Chat, started = true): void {
		this.chats.set(String(chat.id), { chat, started });
		if ('username' in chat && chat.username) this.chats.set(`@${chat.username}`, { chat, started });
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

	/** The number the next stored file gets (for the path of an upload). */
	get nextFileNumber(): number {
		return this.nextFile;
	}

	/** A Message as Telegram returns it from a send. */
	message(bot: BotState, chat: Chat, extra: Record<string, unknown>): Message {
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

	/** A message the bot sent in a chat, or Telegram's "… not found" for the method at hand. */
	sentMessage(bot: BotState, chatId: unknown, messageId: unknown, notFound: string): Message {
		const { chat } = this.resolveChat(chatId);
		const message = this.findMessage(bot, chat.id, Number(messageId));
		if (!message) throw new ApiError(400, `Bad Request: ${notFound}`);
		return message;
	}

	/** A message of the chat the bot sent, now or before the test. */
	findMessage(bot: BotState, chatId: number, messageId: number): Message | undefined {
		const same = (m: Message) => m.chat.id === chatId && m.message_id === messageId;
		return bot.sent.find(same) ?? bot.earlier.find(same);
	}

	/** Deletes a message from the chat's history. */
	removeMessage(bot: BotState, message: Message): void {
		for (const list of [bot.sent, bot.earlier]) {
			const index = list.indexOf(message);
			if (index >= 0) list.splice(index, 1);
		}
	}

	/** A message's content without its identity: what a forward or a copy carries. */
	content(message: Message): Record<string, unknown> {
		const content: Record<string, unknown> = { ...message };
		for (const key of ['message_id', 'date', 'chat', 'from']) delete content[key];
		return content;
	}

	/** A chat_id as Telegram resolves it, with its refusals (not found, migrated, not started). */
	resolveChat(chatId: unknown): ChatState {
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
