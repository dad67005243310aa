/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a Bot API server on 127.0.0.1, not node code */
import type { ServerResponse } from 'node:http';

import { list } from './params';
import type { EmulatorState } from './state';
import { parsedText } from './text';
import {
	ApiError,
	type BotState,
	type Methods,
	type Params,
	type RecordedCall,
	type StoredFile,
} from './types';

const MEDIA_KINDS = [
	'photo',
	'document',
	'video',
	'audio',
	'voice',
	'animation',
	'sticker',
	'video_note',
] as const;

/** Files: media sends (upload, file_id or URL), albums, getFile and its 20 MB limit. */
export function fileMethods(state: EmulatorState): Methods {
	const sendFile = async (bot: BotState, p: Params, call: RecordedCall, kind: string) => {
		const target = state.resolveChat(p.chat_id);
		const file = fileFrom(state, call, p[kind], kind);
		const caption = p.caption
			? parsedText(p.caption, p.parse_mode, 'message caption', 1024)
			: undefined;
		return {
			result: state.message(bot, target.chat, {
				[kind]: mediaObject(kind, file),
				...(caption ? { caption: caption.text } : {}),
				...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
				...(p.has_spoiler ? { has_media_spoiler: true } : {}),
				...(p.reply_markup ? { reply_markup: p.reply_markup } : {}),
			}),
		};
	};
	const sends: Methods = Object.fromEntries(
		MEDIA_KINDS.map((kind) => [
			`send${kind.replace('_', '')}`,
			async (bot: BotState, p: Params, call: RecordedCall) => await sendFile(bot, p, call, kind),
		]),
	);
	return {
		...sends,
		sendmediagroup: async (bot, p, call) => {
			const target = state.resolveChat(p.chat_id);
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
					const file = fileFrom(state, call, entry.media, entry.type);
					const caption = captions[index];
					return state.message(bot, target.chat, {
						media_group_id: group,
						[entry.type]: mediaObject(entry.type, file),
						...(caption ? { caption: caption.text } : {}),
						...(caption?.entities.length ? { caption_entities: caption.entities } : {}),
					});
				}),
			};
		},
		getfile: async (_bot, p, call) => {
			const file = state.files.get(String(p.file_id ?? ''));
			if (!file) throw new ApiError(400, 'Bad Request: invalid file_id');
			if (file.file_size > 20 * 1024 * 1024 && !state.options.selfHosted)
				throw new ApiError(400, 'Bad Request: file is too big');
			const answer: Record<string, unknown> = { ...file };
			delete answer.mimeType;
			if (state.options.localFiles)
				answer.file_path = `/var/lib/telegram-bot-api/${call.token}/${file.file_path}`;
			return { result: answer };
		},
	};
}

/** A file parameter: an upload (recorded in `files`), a known file_id, or an HTTP URL. */
export function fileFrom(
	state: EmulatorState,
	call: RecordedCall,
	value: unknown,
	field: string,
): StoredFile {
	const attached =
		typeof value === 'string' && value.startsWith('attach://') ? value.slice(9) : undefined;
	const upload = call.files[attached ?? field];
	if (upload) {
		const ext = upload.filename.includes('.') ? upload.filename.split('.').pop() : 'bin';
		return state.addFile(upload.size, `${field}s/file_${state.nextFileNumber}.${ext}`, upload.type);
	}
	const text = String(value ?? '');
	const known = state.files.get(text);
	if (known) return known;
	if (/^https?:\/\//.test(text))
		return state.addFile(1024, `${field}s/file_${state.nextFileNumber}.jpg`, 'image/jpeg');
	throw new ApiError(400, `Bad Request: wrong file identifier/HTTP URL specified`);
}

/** The media object a Message carries for a file of this kind (a photo comes in sizes). */
export function mediaObject(kind: string, file: StoredFile): unknown {
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

/** A download from `/file/bot<token>/<path>`, generated a megabyte at a time as the client takes it. */
export async function streamFile(res: ServerResponse, file: StoredFile): Promise<void> {
	res.writeHead(200, { 'content-type': file.mimeType, 'content-length': file.file_size });
	// A large file costs the emulator no memory.
	const chunk = Buffer.alloc(Math.min(file.file_size, 1024 * 1024), 0x41);
	for (let sent = 0; sent < file.file_size && !res.destroyed; sent += chunk.length) {
		const last = Math.min(chunk.length, file.file_size - sent);
		if (!res.write(last === chunk.length ? chunk : chunk.subarray(0, last)))
			await new Promise((resolve) => res.once('drain', resolve).once('close', resolve));
	}
	res.end();
}
