import type { Message } from '@grammyjs/types';

import { fileFrom, mediaObject } from './files';
import { list } from './params';
import type { EmulatorState } from './state';
import { setInlineKeyboard, withEntities } from './sendAndWait';
import { parsedText } from './text';
import { ApiError, type BotState, type Methods, type Params } from './types';

type Editable = Message & Record<string, unknown>;

const NOT_MODIFIED =
	'Bad Request: message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message';

/**
 * Edits of sent messages: text, caption, reply markup, media, and stopping a poll. A message the
 * bot sent in a chat is named by chat_id + message_id and the edit answers with the Message; one
 * sent through an inline query by inline_message_id, and the edit answers `true`, as Telegram does.
 */
export function editMethods(state: EmulatorState): Methods {
	const target = (bot: BotState, p: Params): { message: Editable; inline: boolean } => {
		if (p.inline_message_id !== undefined) {
			const message = state.inlineMessages.get(String(p.inline_message_id));
			if (!message) throw new ApiError(400, 'Bad Request: MESSAGE_ID_INVALID');
			return { message: message as Editable, inline: true };
		}
		const message = state.sentMessage(bot, p.chat_id, p.message_id, 'message to edit not found');
		return { message: message as Editable, inline: false };
	};
	const edited = (
		edit: { message: Editable; inline: boolean },
		changes: Record<string, unknown>,
	) => {
		Object.assign(edit.message, { ...changes, edit_date: Math.floor(Date.now() / 1000) });
		return { result: edit.inline ? true : edit.message };
	};
	const markup = (p: Params) => (p.reply_markup ? { reply_markup: p.reply_markup } : {});

	return {
		editmessagetext: async (bot, p) => {
			const edit = target(bot, p);
			if (!('text' in edit.message))
				throw new ApiError(400, 'Bad Request: there is no text in the message to edit');
			const parsed = withEntities(parsedText(p.text, p.parse_mode, 'message text', 4096), p);
			if (edit.message.text === parsed.text && !p.reply_markup)
				throw new ApiError(400, NOT_MODIFIED);
			// As Telegram: an edit without reply_markup removes the inline keyboard.
			setInlineKeyboard(edit.message, p.reply_markup);
			return edited(edit, { text: parsed.text, entities: parsed.entities });
		},
		editmessagecaption: async (bot, p) => {
			const edit = target(bot, p);
			if ('text' in edit.message)
				throw new ApiError(400, 'Bad Request: there is no caption in the message to edit');
			const caption = p.caption
				? parsedText(p.caption, p.parse_mode, 'message caption', 1024)
				: undefined;
			return edited(edit, {
				caption: caption?.text,
				caption_entities: caption?.entities,
				...markup(p),
			});
		},
		editmessagereplymarkup: async (bot, p) => {
			const edit = target(bot, p);
			setInlineKeyboard(edit.message, p.reply_markup);
			return edited(edit, {});
		},
		editmessagemedia: async (bot, p, call) => {
			const media = (typeof p.media === 'string' ? JSON.parse(p.media) : p.media) as
				| { type?: string; media?: string; caption?: string; parse_mode?: string }
				| undefined;
			if (!media?.type || !media.media) throw new ApiError(400, 'Bad Request: media not found');
			if (!['photo', 'video', 'animation', 'audio', 'document'].includes(media.type))
				throw new ApiError(400, "Bad Request: can't parse InputMedia: unsupported media type");
			const edit = target(bot, p);
			if ('text' in edit.message || 'poll' in edit.message)
				throw new ApiError(400, "Bad Request: message can't be edited");
			const file = fileFrom(state, call, media.media, media.type);
			const caption = media.caption
				? parsedText(media.caption, media.parse_mode, 'message caption', 1024)
				: undefined;
			for (const kind of ['photo', 'video', 'animation', 'audio', 'document'])
				delete edit.message[kind];
			return edited(edit, {
				[media.type]: mediaObject(media.type, file),
				caption: caption?.text,
				caption_entities: caption?.entities,
				...markup(p),
			});
		},
		stoppoll: async (bot, p) => {
			const message = state.sentMessage(
				bot,
				p.chat_id,
				p.message_id,
				'message with poll to stop not found',
			) as Editable;
			const poll = message.poll as (Record<string, unknown> & { is_closed?: boolean }) | undefined;
			if (!poll) throw new ApiError(400, 'Bad Request: message with poll to stop not found');
			if (poll.is_closed) throw new ApiError(400, 'Bad Request: poll has already been closed');
			poll.is_closed = true;
			Object.assign(message, markup(p));
			return { result: poll };
		},
	};
}

/** Message ids of a plural method (deleteMessages, forwardMessages, copyMessages): 1-100 of them. */
export function messageIds(p: Params): number[] {
	const ids = list(p.message_ids).map(Number);
	if (ids.length === 0)
		throw new ApiError(400, 'Bad Request: message identifiers are not specified');
	if (ids.length > 100) throw new ApiError(400, 'Bad Request: too many messages specified');
	if (ids.some((id, index) => !Number.isInteger(id) || (index > 0 && id <= ids[index - 1])))
		throw new ApiError(
			400,
			'Bad Request: message identifiers must be in strictly increasing order',
		);
	return ids;
}
