import type { EmulatorState } from './state';
import { ApiError, type Methods, type Params } from './types';

const SUPERGROUPS_ONLY = 'Bad Request: method is available only for supergroups';
const NOT_PRIVATE = 'Bad Request: method is available for supergroup and channel chats only';
/** Sticker sets Telegram knows in the emulator. */
const STICKER_SETS = ['SecOpsStickers'];
/** The seeded chats' creator (Ada, who owns every group): an administrator nobody restricts. */
const OWNER = 1001;

/** Members' rights: restrict, promote, chat permissions, join requests, titles, sender chats, boosts, the group's sticker set. */
export function memberMethods(state: EmulatorState): Methods {
	const supergroup = (p: Params) => {
		const { chat } = state.resolveChat(p.chat_id);
		if (chat.type !== 'supergroup') throw new ApiError(400, SUPERGROUPS_ONLY);
		return chat;
	};
	const notPrivate = (p: Params) => {
		const { chat } = state.resolveChat(p.chat_id);
		if (chat.type === 'private' || chat.type === 'group') throw new ApiError(400, NOT_PRIVATE);
		return chat;
	};
	const userId = (p: Params): number => {
		const id = Number(p.user_id);
		if (!Number.isInteger(id) || id <= 0)
			throw new ApiError(400, 'Bad Request: PARTICIPANT_ID_INVALID');
		return id;
	};
	const permissions = (p: Params): Record<string, unknown> => {
		const value = typeof p.permissions === 'string' ? JSON.parse(p.permissions) : p.permissions;
		if (!value || typeof value !== 'object')
			throw new ApiError(400, 'Bad Request: object expected as permissions');
		return value as Record<string, unknown>;
	};
	const joinRequest = (p: Params) => {
		const chat = notPrivate(p);
		const id = userId(p);
		const pending = state.joinRequests.get(String(chat.id));
		if (!pending?.delete(id)) throw new ApiError(400, 'Bad Request: HIDE_REQUESTER_MISSING');
		return { chat, id };
	};

	return {
		restrictchatmember: async (_bot, p) => {
			const chat = supergroup(p);
			const id = userId(p);
			const rights = permissions(p);
			if (id === OWNER)
				throw new ApiError(400, 'Bad Request: user is an administrator of the chat');
			state.members.set(`${chat.id}:${id}`, { status: 'restricted', ...rights });
			return { result: true };
		},
		promotechatmember: async (bot, p) => {
			const chat = notPrivate(p);
			const id = userId(p);
			if (id === OWNER) throw new ApiError(400, "Bad Request: can't promote chat owner");
			if (id === bot.user.id) throw new ApiError(400, "Bad Request: can't promote self");
			const rights = Object.fromEntries(
				Object.entries(p).filter(([key]) => /^(can_|is_anonymous)/.test(key)),
			);
			state.members.set(`${chat.id}:${id}`, { status: 'administrator', ...rights });
			return { result: true };
		},
		setchatpermissions: async (_bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			if (chat.type === 'private' || chat.type === 'channel')
				throw new ApiError(400, "Bad Request: can't change permissions in this chat");
			state.permissions.set(String(chat.id), permissions(p));
			return { result: true };
		},
		approvechatjoinrequest: async (_bot, p) => {
			const { chat, id } = joinRequest(p);
			state.members.set(`${chat.id}:${id}`, { status: 'member' });
			return { result: true };
		},
		declinechatjoinrequest: async (_bot, p) => {
			joinRequest(p);
			return { result: true };
		},
		setchatadministratorcustomtitle: async (_bot, p) => {
			const chat = supergroup(p);
			const id = userId(p);
			const title = String(p.custom_title ?? '');
			if ([...title].length > 16) throw new ApiError(400, 'Bad Request: ADMIN_RANK_INVALID');
			const member = state.members.get(`${chat.id}:${id}`);
			if (member?.status !== 'administrator')
				throw new ApiError(400, 'Bad Request: user is not an administrator');
			member.custom_title = title;
			return { result: true };
		},
		setchatstickerset: async (_bot, p) => {
			supergroup(p);
			if (!STICKER_SETS.includes(String(p.sticker_set_name ?? '')))
				throw new ApiError(400, 'Bad Request: STICKERSET_INVALID');
			return { result: true };
		},
		deletechatstickerset: async (_bot, p) => {
			supergroup(p);
			return { result: true };
		},
		getuserchatboosts: async (_bot, p) => {
			const chat = notPrivate(p);
			const id = userId(p);
			if (!state.users.has(id)) throw new ApiError(400, 'Bad Request: user not found');
			const now = Math.floor(Date.now() / 1000);
			return {
				result: {
					boosts: [
						{
							boost_id: `boost-${chat.id}-${id}`,
							add_date: now - 86_400,
							expiration_date: now + 29 * 86_400,
							source: { source: 'premium', user: { id, is_bot: false, first_name: `User ${id}` } },
						},
					],
				},
			};
		},
		banchatsenderchat: async (_bot, p) => {
			const chat = notPrivate(p);
			const sender = state.resolveChat(p.sender_chat_id).chat;
			const banned = state.banned.get(String(chat.id)) ?? new Set<number>();
			banned.add(sender.id);
			state.banned.set(String(chat.id), banned);
			return { result: true };
		},
		unbanchatsenderchat: async (_bot, p) => {
			const chat = notPrivate(p);
			const sender = state.resolveChat(p.sender_chat_id).chat;
			state.banned.get(String(chat.id))?.delete(sender.id);
			return { result: true };
		},
	};
}
