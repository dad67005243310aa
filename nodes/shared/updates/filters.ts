import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { normaliseChatId } from '../chatId';
import type { BotCommand } from './command';
import { updateTypeOf } from './updateItem';

export interface UpdateFilters {
	/** Update types; empty or `*` lets every type through. */
	types: string[];
	/** Chat IDs as strings, and `@usernames` in lower case; empty lets every chat through. */
	chats: string[];
	users: string[];
	/** Command names in lower case, without the slash; empty lets every update through. */
	commands: string[];
}

export interface FilterOptions {
	chatIds?: string;
	userIds?: string;
	commands?: string;
}

function listOf(text: string | undefined): string[] {
	return String(text ?? '')
		.split(/[\s,;]+/)
		.map((entry) => entry.trim())
		.filter(Boolean);
}

/** Checked at activation, so a typo fails the activation instead of silently letting nothing through. */
export function readFilters(node: INode, types: string[], options: FilterOptions): UpdateFilters {
	// The same rule as every chat field of the action node.
	const chats = listOf(options.chatIds).map((entry) => {
		const chatId = normaliseChatId(entry);
		if (chatId !== undefined) return chatId.toLowerCase();
		throw new NodeOperationError(
			node,
			`Chat IDs: "${entry}" is neither a chat ID (e.g. -1001234567890) nor a @username`,
		);
	});
	const users = listOf(options.userIds).map((entry) => {
		if (/^\d+$/.test(entry)) return entry;
		throw new NodeOperationError(node, `User IDs: "${entry}" is not a user ID (e.g. 123456789)`);
	});
	const commands = listOf(options.commands).map((entry) => {
		const name = entry.replace(/^\//, '').toLowerCase();
		if (/^[a-z0-9_]{1,32}$/.test(name)) return name;
		throw new NodeOperationError(
			node,
			`Commands: "${entry}" is not a bot command (1–32 letters, digits or underscores)`,
		);
	});
	return { types, chats, users, commands };
}

/** The object an update is about: its message, query, member change, … */
function payloadOf(update: IDataObject): IDataObject | undefined {
	const type = updateTypeOf(update);
	const payload = type ? update[type] : undefined;
	return payload && typeof payload === 'object' ? (payload as IDataObject) : undefined;
}

/** The chat an update happened in, if it has one (inline queries and polls have none). */
function chatOf(update: IDataObject): IDataObject | undefined {
	const payload = payloadOf(update);
	const chat = payload?.chat ?? (payload?.message as IDataObject | undefined)?.chat;
	return chat && typeof chat === 'object' ? (chat as IDataObject) : undefined;
}

/** The person behind an update: the sender, the voter, the one who reacted or boosted. */
function userOf(update: IDataObject): IDataObject | undefined {
	const payload = payloadOf(update);
	const source = (payload?.boost as IDataObject | undefined)?.source as IDataObject | undefined;
	const user = payload?.from ?? payload?.user ?? source?.user;
	return user && typeof user === 'object' ? (user as IDataObject) : undefined;
}

/**
 * Allow-lists fail closed: with a chat list, an update without a chat is dropped; with a user
 * list, an update without a person (a channel post) is dropped; with a command list, everything
 * but those commands is dropped.
 */
export function passes(
	update: IDataObject,
	filters: UpdateFilters,
	command: BotCommand | null,
): boolean {
	const { types, chats, users, commands } = filters;
	if (types.length > 0 && !types.includes('*') && !types.includes(updateTypeOf(update) ?? '')) {
		return false;
	}
	if (chats.length > 0) {
		const chat = chatOf(update);
		const username = typeof chat?.username === 'string' ? `@${chat.username.toLowerCase()}` : '';
		if (!chat || !(chats.includes(String(chat.id)) || (username && chats.includes(username))))
			return false;
	}
	if (users.length > 0) {
		const user = userOf(update);
		if (!user || !users.includes(String(user.id))) return false;
	}
	if (commands.length > 0 && !(command && commands.includes(command.command.toLowerCase()))) {
		return false;
	}
	return true;
}
