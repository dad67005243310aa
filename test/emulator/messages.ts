import { list } from './params';
import type { EmulatorState } from './state';
import { setInlineKeyboard, withEntities } from './sendAndWait';
import { parsedText } from './text';
import { messageIds } from './edits';
import { ApiError, type BotState, type Methods, type Params } from './types';

/** The emoji a bot may react with (ReactionTypeEmoji in the Bot API). */
const REACTION_EMOJI = new Set([
	'👍',
	'👎',
	'❤',
	'🔥',
	'🥰',
	'👏',
	'😁',
	'🤔',
	'🤯',
	'😱',
	'🤬',
	'😢',
	'🎉',
	'🤩',
	'🤮',
	'💩',
	'🙏',
	'👌',
	'🕊',
	'🤡',
	'🥱',
	'🥴',
	'😍',
	'🐳',
	'❤‍🔥',
	'🌚',
	'🌭',
	'💯',
	'🤣',
	'⚡',
	'🍌',
	'🏆',
	'💔',
	'🤨',
	'😐',
	'🍓',
	'🍾',
	'💋',
	'🖕',
	'😈',
	'😴',
	'😭',
	'🤓',
	'👻',
	'👨‍💻',
	'👀',
	'🎃',
	'🙈',
	'😇',
	'😨',
	'🤝',
	'✍',
	'🤗',
	'🫡',
	'🎅',
	'🎄',
	'☃',
	'💅',
	'🤪',
	'🗿',
	'🆒',
	'💘',
	'🙉',
	'🦄',
	'😘',
	'💊',
	'🙊',
	'😎',
	'👾',
	'🤷‍♂',
	'🤷',
	'🤷‍♀',
	'😡',
]);

const CHAT_ACTIONS = [
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

/** Messages: text and other non-file sends, forwards and copies, edits, deletion, pins. */
export function messageMethods(state: EmulatorState): Methods {
	/** forwardMessages / copyMessages: the messages found, in id order, sent again; their new ids. */
	const pluralSend = (
		bot: BotState,
		p: Params,
		notFound: string,
		content: (original: BotState['sent'][number]) => Record<string, unknown>,
	) => {
		const target = state.resolveChat(p.chat_id);
		const { chat } = state.resolveChat(p.from_chat_id);
		const ids = [...new Set(messageIds(p))].sort((a, b) => a - b);
		const originals = ids
			.map((id) => state.findMessage(bot, chat.id, id))
			.filter((m) => m !== undefined);
		if (originals.length === 0) throw new ApiError(400, `Bad Request: ${notFound}`);
		return originals.map((original) => ({
			message_id: state.message(bot, target.chat, content(original)).message_id,
		}));
	};
	return {
		sendmessage: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			const parsed = withEntities(parsedText(p.text, p.parse_mode, 'message text', 4096), p);
			const message = state.message(bot, target.chat, {
				text: parsed.text,
				...(parsed.entities.length ? { entities: parsed.entities } : {}),
				...(p.message_thread_id ? { message_thread_id: Number(p.message_thread_id) } : {}),
			});
			setInlineKeyboard(message as unknown as Record<string, unknown>, p.reply_markup);
			return { result: message };
		},
		sendcontact: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			if (!p.phone_number || !p.first_name)
				throw new ApiError(400, 'Bad Request: phone_number is empty');
			return {
				result: state.message(bot, target.chat, {
					contact: { phone_number: p.phone_number, first_name: p.first_name },
				}),
			};
		},
		sendlocation: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			const latitude = Number(p.latitude);
			const longitude = Number(p.longitude);
			if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
				throw new ApiError(400, 'Bad Request: wrong location');
			return { result: state.message(bot, target.chat, { location: { latitude, longitude } }) };
		},
		sendpoll: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
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
				result: state.message(bot, target.chat, {
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
			const target = state.resolveChat(p.chat_id);
			return {
				result: state.message(bot, target.chat, { dice: { emoji: p.emoji ?? '🎲', value: 4 } }),
			};
		},
		sendchataction: async (_bot, p) => {
			state.resolveChat(p.chat_id);
			if (!CHAT_ACTIONS.includes(String(p.action)))
				throw new ApiError(400, 'Bad Request: wrong parameter action in request');
			return { result: true };
		},
		forwardmessage: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			const original = state.sentMessage(
				bot,
				p.from_chat_id,
				p.message_id,
				'message to forward not found',
			);
			return {
				result: state.message(bot, target.chat, {
					...state.content(original),
					forward_origin: { type: 'chat', sender_chat: original.chat, date: original.date },
				}),
			};
		},
		copymessage: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			const original = state.sentMessage(
				bot,
				p.from_chat_id,
				p.message_id,
				'message to copy not found',
			);
			const copy = state.message(bot, target.chat, {
				...state.content(original),
				...(p.caption ? { caption: p.caption } : {}),
			});
			return { result: { message_id: copy.message_id } };
		},
		sendvenue: async (bot, p) => {
			const target = state.resolveChat(p.chat_id);
			const latitude = Number(p.latitude);
			const longitude = Number(p.longitude);
			if (!(Math.abs(latitude) <= 90 && Math.abs(longitude) <= 180))
				throw new ApiError(400, 'Bad Request: wrong location');
			if (!p.title) throw new ApiError(400, 'Bad Request: venue title is empty');
			if (!p.address) throw new ApiError(400, 'Bad Request: venue address is empty');
			return {
				result: state.message(bot, target.chat, {
					venue: {
						location: { latitude, longitude },
						title: p.title,
						address: p.address,
						...(p.foursquare_id ? { foursquare_id: p.foursquare_id } : {}),
					},
					location: { latitude, longitude },
				}),
			};
		},
		setmessagereaction: async (bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			const id = Number(p.message_id);
			const known =
				state.findMessage(bot, chat.id, id) !== undefined ||
				bot.updates.some((u) => {
					const m = u.message ?? u.channel_post;
					return m?.chat.id === chat.id && m.message_id === id;
				});
			if (!known) throw new ApiError(400, 'Bad Request: message to react not found');
			const reactions = list(p.reaction) as Array<{ type?: string; emoji?: string }>;
			if (
				reactions.some(
					(r) =>
						!(r.type === 'emoji' && REACTION_EMOJI.has(String(r.emoji))) &&
						r.type !== 'custom_emoji',
				)
			)
				throw new ApiError(400, 'Bad Request: REACTION_INVALID');
			// Bots are not premium users: one reaction per message.
			if (reactions.length > 1) throw new ApiError(400, 'Bad Request: REACTIONS_TOO_MANY');
			return { result: true };
		},
		forwardmessages: async (bot, p) => ({
			result: pluralSend(bot, p, 'messages to forward not found', (original) => ({
				...state.content(original),
				forward_origin: { type: 'chat', sender_chat: original.chat, date: original.date },
			})),
		}),
		copymessages: async (bot, p) => ({
			result: pluralSend(bot, p, 'messages to copy not found', (original) => {
				const content = state.content(original);
				if (p.remove_caption === true || p.remove_caption === 'true') delete content.caption;
				return content;
			}),
		}),
		deletemessages: async (bot, p) => {
			const { chat } = state.resolveChat(p.chat_id);
			const ids = new Set(messageIds(p));
			const found = [...ids].flatMap((id) => state.findMessage(bot, chat.id, id) ?? []);
			if (found.length === 0) throw new ApiError(400, 'Bad Request: message to delete not found');
			for (const message of found) state.removeMessage(bot, message);
			return { result: true };
		},
		unpinallchatmessages: async (_bot, p) => {
			state.resolveChat(p.chat_id);
			return { result: true };
		},
		deletemessage: async (bot, p) => {
			const message = state.sentMessage(
				bot,
				p.chat_id,
				p.message_id,
				'message to delete not found',
			);
			state.removeMessage(bot, message);
			return { result: true };
		},
		pinchatmessage: async (bot, p) => {
			state.sentMessage(bot, p.chat_id, p.message_id, 'message to pin not found');
			return { result: true };
		},
		unpinchatmessage: async (bot, p) => {
			state.sentMessage(bot, p.chat_id, p.message_id, 'message to unpin not found');
			return { result: true };
		},
	};
}
