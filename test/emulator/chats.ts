import type { EmulatorState } from './state';
import { ApiError, type Methods, type Params } from './types';

/** An invite link of the group the bot created before the test (its creator is the default bot). */
export const SEEDED_INVITE_LINK = 'https://t.me/+SeCoPsInViTe';

/** Chats and their members: info, administrators, membership, title and description, invite links. */
export function chatMethods(state: EmulatorState): Methods {
	/** Invite links the bot created, by URL. */
	const links = new Map<string, Record<string, unknown>>([
		[
			SEEDED_INVITE_LINK,
			{
				invite_link: SEEDED_INVITE_LINK,
				creator: { id: 7012345678, is_bot: true, first_name: 'Compliance Bot' },
				creates_join_request: false,
				is_primary: false,
				is_revoked: false,
				name: 'Auditors',
			},
		],
	]);
	const link = (p: Params) => {
		state.resolveChat(p.chat_id);
		const found = links.get(String(p.invite_link ?? ''));
		if (!found || found.is_revoked) throw new ApiError(400, 'Bad Request: INVITE_HASH_EXPIRED');
		return found;
	};
	const group = (p: Params) => {
		const { chat } = state.resolveChat(p.chat_id);
		if (chat.type === 'private') throw new ApiError(400, 'Bad Request: CHAT_ID_INVALID');
		return chat;
	};
	return {
		getchat: async (_bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			return {
				result: { ...chat, accent_color_id: 0, max_reaction_count: 11, accepted_gift_types: {} },
			};
		},
		getchatadministrators: async (bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
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
			const { chat } = state.resolveChat(p.chat_id);
			const userId = Number(p.user_id);
			if (!userId) throw new ApiError(400, 'Bad Request: PARTICIPANT_ID_INVALID');
			const banned = state.banned.get(String(p.chat_id))?.has(userId);
			const changed = state.members.get(`${chat.id}:${userId}`);
			return {
				result: {
					status: banned ? 'kicked' : 'member',
					user: { id: userId, is_bot: false, first_name: `User ${userId}` },
					...(banned ? { until_date: 0 } : {}),
					...(!banned && changed ? changed : {}),
				},
			};
		},
		getchatmembercount: async (_bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			return { result: chat.type === 'private' ? 2 : 42 };
		},
		leavechat: async (_bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			if (chat.type === 'private')
				throw new ApiError(
					400,
					"Bad Request: chat member status can't be changed in private chats",
				);
			state.left.add(String(p.chat_id));
			return { result: true };
		},
		setchattitle: async (_bot, p) => {
			const target = state.resolveChat(p.chat_id);
			if (target.chat.type === 'private')
				throw new ApiError(400, "Bad Request: chat title can't be changed in private chats");
			const title = String(p.title ?? '');
			if (!title || title.length > 128) throw new ApiError(400, 'Bad Request: chat title is empty');
			(target.chat as { title: string }).title = title;
			return { result: true };
		},
		setchatdescription: async (_bot, p) => {
			const target = state.resolveChat(p.chat_id);
			if (target.chat.type === 'private')
				throw new ApiError(400, "Bad Request: chat description can't be changed in private chats");
			return { result: true };
		},
		banchatmember: async (_bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			if (chat.type === 'private') throw new ApiError(400, "Bad Request: can't remove chat owner");
			const set = state.banned.get(String(p.chat_id)) ?? new Set<number>();
			set.add(Number(p.user_id));
			state.banned.set(String(p.chat_id), set);
			return { result: true };
		},
		unbanchatmember: async (_bot, p) => {
			state.resolveChat(p.chat_id);
			state.banned.get(String(p.chat_id))?.delete(Number(p.user_id));
			return { result: true };
		},
		createchatinvitelink: async (bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			if (chat.type === 'private') throw new ApiError(400, 'Bad Request: CHAT_ID_INVALID');
			if (p.member_limit && p.creates_join_request)
				throw new ApiError(
					400,
					"Bad Request: can't create invite link with member limit and join requests",
				);
			const created = {
				invite_link: `https://t.me/+AbCdEf${bot.nextMessageId++}`,
				creator: { id: bot.user.id, is_bot: true, first_name: bot.user.first_name },
				creates_join_request: !!p.creates_join_request,
				is_primary: false,
				is_revoked: false,
				...(p.name ? { name: p.name } : {}),
				...(p.expire_date ? { expire_date: Number(p.expire_date) } : {}),
				...(p.member_limit ? { member_limit: Number(p.member_limit) } : {}),
			};
			links.set(created.invite_link, created);
			return { result: created };
		},
		editchatinvitelink: async (_bot, p) => {
			const found = link(p);
			if (p.member_limit && (p.creates_join_request ?? found.creates_join_request))
				throw new ApiError(
					400,
					"Bad Request: can't create invite link with member limit and join requests",
				);
			for (const key of ['name', 'expire_date', 'member_limit', 'creates_join_request'])
				if (p[key] !== undefined) found[key] = p[key];
			return { result: found };
		},
		revokechatinvitelink: async (_bot, p) => {
			const found = link(p);
			found.is_revoked = true;
			return { result: found };
		},
		exportchatinvitelink: async (bot, p) => {
			group(p);
			return { result: `https://t.me/+PrImArY${bot.nextMessageId++}` };
		},
		setchatphoto: async (_bot, p, call) => {
			const chat = group(p);
			if (!call.files.photo)
				throw new ApiError(400, 'Bad Request: there is no photo in the request');
			state.chatPhotos.add(String(chat.id));
			return { result: true };
		},
		deletechatphoto: async (_bot, p) => {
			const chat = group(p);
			if (!state.chatPhotos.delete(String(chat.id)))
				throw new ApiError(400, 'Bad Request: CHAT_NOT_MODIFIED');
			return { result: true };
		},
	};
}
