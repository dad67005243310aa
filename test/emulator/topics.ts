import type { ForumTopicState, EmulatorState } from './state';
import { ApiError, type Methods, type Params } from './types';

/** The six colours Telegram allows for a topic's icon. */
const ICON_COLORS = [7322096, 16766590, 13338331, 9367192, 16749490, 16478047];
/** The General topic's state is kept under this id: it has no message_thread_id of its own. */
const GENERAL = 0;

/** Forum topics of supergroups that are forums: create, edit, close, reopen, delete, unpin, General. */
export function topicMethods(state: EmulatorState): Methods {
	const forum = (p: Params): Map<number, ForumTopicState> => {
		const { chat } = state.resolveChat(p.chat_id);
		if (chat.type !== 'supergroup' || !chat.is_forum)
			throw new ApiError(400, 'Bad Request: the chat is not a forum');
		const key = String(chat.id);
		let topics = state.topics.get(key);
		if (!topics) {
			topics = new Map([[GENERAL, { name: 'General', icon_color: ICON_COLORS[0], closed: false }]]);
			state.topics.set(key, topics);
		}
		return topics;
	};
	const topic = (p: Params): ForumTopicState => {
		const id = Number(p.message_thread_id);
		const found = id === GENERAL ? undefined : forum(p).get(id);
		if (!found) throw new ApiError(400, 'Bad Request: TOPIC_ID_INVALID');
		return found;
	};
	const name = (value: unknown): string => {
		const text = String(value ?? '');
		if (!text.trim()) throw new ApiError(400, 'Bad Request: TOPIC_TITLE_EMPTY');
		if ([...text].length > 128) throw new ApiError(400, 'Bad Request: TOPIC_TITLE_TOO_LONG');
		return text;
	};
	/** Close, reopen, hide, unhide: Telegram refuses a change to the state a topic already has. */
	const toggle = (target: ForumTopicState, field: 'closed' | 'hidden', value: boolean) => {
		if (!!target[field] === value) throw new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
		target[field] = value;
		if (field === 'hidden' && value) target.closed = true;
		return { result: true };
	};
	const general = (p: Params) => forum(p).get(GENERAL)!;

	return {
		createforumtopic: async (bot, p) => {
			const topics = forum(p);
			const color = p.icon_color === undefined ? ICON_COLORS[0] : Number(p.icon_color);
			if (!ICON_COLORS.includes(color))
				throw new ApiError(400, 'Bad Request: TOPIC_ICON_COLOR_INVALID');
			const created: ForumTopicState = {
				name: name(p.name),
				icon_color: color,
				closed: false,
				...(p.icon_custom_emoji_id ? { icon_custom_emoji_id: String(p.icon_custom_emoji_id) } : {}),
			};
			// A topic's id is the id of the service message that created it.
			const threadId = bot.nextMessageId++;
			topics.set(threadId, created);
			return {
				result: {
					message_thread_id: threadId,
					name: created.name,
					icon_color: created.icon_color,
					...(created.icon_custom_emoji_id
						? { icon_custom_emoji_id: created.icon_custom_emoji_id }
						: {}),
				},
			};
		},
		editforumtopic: async (_bot, p) => {
			const target = topic(p);
			if (p.name === undefined && p.icon_custom_emoji_id === undefined)
				throw new ApiError(400, 'Bad Request: TOPIC_NOT_MODIFIED');
			if (p.name !== undefined) target.name = name(p.name);
			if (p.icon_custom_emoji_id !== undefined)
				target.icon_custom_emoji_id = String(p.icon_custom_emoji_id);
			return { result: true };
		},
		closeforumtopic: async (_bot, p) => toggle(topic(p), 'closed', true),
		reopenforumtopic: async (_bot, p) => toggle(topic(p), 'closed', false),
		deleteforumtopic: async (_bot, p) => {
			topic(p);
			forum(p).delete(Number(p.message_thread_id));
			return { result: true };
		},
		unpinallforumtopicmessages: async (_bot, p) => {
			topic(p);
			return { result: true };
		},
		editgeneralforumtopic: async (_bot, p) => {
			general(p).name = name(p.name);
			return { result: true };
		},
		closegeneralforumtopic: async (_bot, p) => toggle(general(p), 'closed', true),
		reopengeneralforumtopic: async (_bot, p) => {
			const topic = general(p);
			toggle(topic, 'closed', false);
			// "The topic will be automatically unhidden if it was hidden."
			topic.hidden = false;
			return { result: true };
		},
		hidegeneralforumtopic: async (_bot, p) => toggle(general(p), 'hidden', true),
		unhidegeneralforumtopic: async (_bot, p) => toggle(general(p), 'hidden', false),
		unpinallgeneralforumtopicmessages: async (_bot, p) => {
			general(p);
			return { result: true };
		},
		getforumtopiciconstickers: async () => ({
			result: ['🔥', '⚡', '🛡'].map((emoji, index) => ({
				file_id: `CAACAgIAAx-topic-icon-${index}`,
				file_unique_id: `AgADtopic${index}`,
				type: 'custom_emoji',
				width: 512,
				height: 512,
				is_animated: false,
				is_video: false,
				emoji,
				custom_emoji_id: `5${index}00000000000000000`,
			})),
		}),
	};
}
