import { list } from './params';
import type { EmulatorState } from './state';
import { ApiError, type Methods, type Params } from './types';

/** The bot itself: getMe, its commands per scope and language, its name and descriptions. */
export function botMethods(state: EmulatorState): Methods {
	const setText = (field: string, p: Params, max: number): { result: true } => {
		const value = String(p[field] ?? '');
		if ([...value].length > max) throw new ApiError(400, `Bad Request: ${field} is too long`);
		state.profile.set(`${field}:${p.language_code ?? ''}`, value);
		return { result: true };
	};
	const rightsKey = (p: Params) => `rights:${p.for_channels === true || p.for_channels === 'true'}`;
	const menuKey = (p: Params) => `menu:${p.chat_id ?? ''}`;
	return {
		getme: async (bot) => ({ result: bot.user }),
		getuserprofilephotos: async (_bot, p) => {
			const userId = Number(p.user_id);
			const known =
				state.users.has(userId) ||
				[...state.chats.values()].some(({ chat }) => chat.type === 'private' && chat.id === userId);
			if (!known) throw new ApiError(400, 'Bad Request: user not found');
			const limit = Math.min(100, Math.max(1, Number(p.limit ?? 100)));
			const all = [90, 320, 640].map((size, index) => ({
				file_id: `AgACAgIAAx-profile-${userId}-${index}`,
				file_unique_id: `AQADprofile${userId}${index}`,
				width: size,
				height: size,
				file_size: size * 40,
			}));
			const photos = [all].slice(Number(p.offset ?? 0)).slice(0, limit);
			return { result: { total_count: 1, photos } };
		},
		setmydefaultadministratorrights: async (_bot, p) => {
			if (p.rights === undefined) state.profile.delete(rightsKey(p));
			else state.profile.set(rightsKey(p), p.rights);
			return { result: true };
		},
		getmydefaultadministratorrights: async (_bot, p) => ({
			result: state.profile.get(rightsKey(p)) ?? {
				is_anonymous: false,
				can_manage_chat: false,
				can_delete_messages: false,
				can_manage_video_chats: false,
				can_restrict_members: false,
				can_promote_members: false,
				can_change_info: false,
				can_invite_users: false,
				can_post_stories: false,
				can_edit_stories: false,
				can_delete_stories: false,
			},
		}),
		setchatmenubutton: async (_bot, p) => {
			if (p.chat_id !== undefined) {
				const { chat } = state.resolveChat(p.chat_id);
				if (chat.type !== 'private') throw new ApiError(400, 'Bad Request: CHAT_ID_INVALID');
			}
			const button = (
				typeof p.menu_button === 'string' ? JSON.parse(p.menu_button) : p.menu_button
			) as { type?: string; text?: string; web_app?: { url?: string } } | undefined;
			if (button && !['commands', 'web_app', 'default'].includes(String(button.type)))
				throw new ApiError(400, 'Bad Request: unsupported menu button type');
			if (button?.type === 'web_app' && (!button.text || !button.web_app?.url))
				throw new ApiError(400, 'Bad Request: BUTTON_TEXT_INVALID');
			state.profile.set(menuKey(p), button ?? { type: 'default' });
			return { result: true };
		},
		getchatmenubutton: async (_bot, p) => ({
			result: state.profile.get(menuKey(p)) ?? { type: 'default' },
		}),
		setmycommands: async (_bot, p) => {
			const commands = list(p.commands) as Array<{ command: string; description: string }>;
			if (commands.some((c) => !/^[a-z0-9_]{1,32}$/.test(c.command)))
				throw new ApiError(400, 'Bad Request: BOT_COMMAND_INVALID');
			state.profile.set(`commands:${scopeKey(p)}`, commands);
			return { result: true };
		},
		getmycommands: async (_bot, p) => ({
			result: state.profile.get(`commands:${scopeKey(p)}`) ?? [],
		}),
		deletemycommands: async (_bot, p) => {
			state.profile.delete(`commands:${scopeKey(p)}`);
			return { result: true };
		},
		setmydescription: async (_bot, p) => setText('description', p, 512),
		getmydescription: async (_bot, p) => ({
			result: { description: state.profile.get(`description:${p.language_code ?? ''}`) ?? '' },
		}),
		setmyshortdescription: async (_bot, p) => setText('short_description', p, 120),
		getmyshortdescription: async (_bot, p) => ({
			result: {
				short_description: state.profile.get(`short_description:${p.language_code ?? ''}`) ?? '',
			},
		}),
		setmyname: async (_bot, p) => setText('name', p, 64),
		getmyname: async (bot, p) => ({
			result: { name: state.profile.get(`name:${p.language_code ?? ''}`) ?? bot.user.first_name },
		}),
	};
}

function scopeKey(p: Params): string {
	return `${JSON.stringify(p.scope ?? { type: 'default' })}:${p.language_code ?? ''}`;
}
