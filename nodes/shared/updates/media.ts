import type {
	IDataObject,
	INodeExecutionData,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { botCredentials, callBotApi, DEFAULT_RETRY, downloadBotFile, redact } from '../transport';
import { messageOf, objectsIn } from './updateItem';

/** Media fields a message may carry. `animation` first: Telegram also fills `document` for a GIF. */
const MEDIA_FIELDS = [
	'animation',
	'photo',
	'video',
	'video_note',
	'voice',
	'audio',
	'document',
	'sticker',
] as const;

export interface MediaOptions {
	/** Binary property the file goes into. */
	binaryProperty: string;
	maxBytes: number;
}

/** The file a message carries: for a photo, its largest size. */
export function mediaOf(
	message: IDataObject | undefined,
): { kind: string; file: IDataObject } | null {
	if (!message) return null;
	for (const kind of MEDIA_FIELDS) {
		const value = message[kind];
		if (Array.isArray(value)) {
			// Malformed sizes (null) are skipped; malformedParts names them on the item.
			const sizes = objectsIn(value).filter(hasFileId);
			if (sizes.length === 0) continue;
			const area = (size: IDataObject) => Number(size.width ?? 0) * Number(size.height ?? 0);
			const largest = sizes.reduce((best, size) => (area(size) >= area(best) ? size : best));
			return { kind, file: largest };
		}
		if (value && typeof value === 'object' && hasFileId(value as IDataObject))
			return { kind, file: value as IDataObject };
	}
	return null;
}

/** A file Telegram can be asked for: without a `file_id` there is nothing to request. */
function hasFileId(file: IDataObject): boolean {
	return typeof file.file_id === 'string' && file.file_id !== '';
}

/**
 * Downloads an update's media into the item. Whatever goes wrong (too big, gone, server trouble)
 * becomes the item's `error` field: the update is still answered 200, or Telegram would send it
 * again and again.
 */
export async function attachMedia(
	ctx: IWebhookFunctions | ITriggerFunctions,
	item: INodeExecutionData,
	update: IDataObject,
	options: MediaOptions,
): Promise<void> {
	const media = mediaOf(messageOf(update));
	if (!media) return;
	const operation = 'Download File';
	const size = Number(media.file.file_size ?? 0);
	if (size > options.maxBytes) {
		item.json.error = `${operation}: the ${media.kind} is ${megabytes(size)} MB, over the ${megabytes(options.maxBytes)} MB limit set in "Max File Size"; it was not downloaded`;
		return;
	}
	try {
		const file = await callBotApi<IDataObject>(
			ctx,
			operation,
			'getFile',
			{ file_id: media.file.file_id as string },
			// Telegram is waiting for the answer to this update: no long retries here.
			{ retry: { ...DEFAULT_RETRY, maxWaitMs: 5_000 } },
		);
		const binary = await downloadBotFile(ctx, operation, {
			...file,
			file_name: media.file.file_name,
		});
		if (typeof media.file.file_name === 'string') binary.fileName = media.file.file_name;
		if (typeof media.file.mime_type === 'string') binary.mimeType = media.file.mime_type;
		item.binary = { ...item.binary, [options.binaryProperty]: binary };
	} catch (error) {
		// Already redacted by the transport; redacted again because this text leaves the node as data.
		const { apiToken } = await botCredentials(ctx);
		item.json.error = redact((error as Error).message, apiToken);
	}
}

function megabytes(bytes: number): string {
	return (bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '');
}
