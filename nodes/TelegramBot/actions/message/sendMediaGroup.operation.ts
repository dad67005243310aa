import type { IDataObject } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { formatText, telegramParseMode } from '../../helpers/formatting';
import { binaryUpload } from '../../helpers/mediaInput';
import { SEND_OPTIONS } from '../../descriptions/sendOptions';
import type { Upload } from '../../../shared/transport';
import { sendOperation } from '../sendOperation';
import { parameter } from '../../../shared/parameters';

interface MediaEntry {
	type: 'photo' | 'video' | 'document' | 'audio';
	source: 'binary' | 'reference';
	binaryPropertyName?: string;
	file?: string;
	caption?: string;
}

export const sendMediaGroup = sendOperation({
	resource: 'message',
	operation: 'sendMediaGroup',
	label: 'Send Media Group',
	method: 'sendMediaGroup',
	replyMarkup: false,
	// Captions belong to each media: Parse Mode (and its plain-text fallback) applies to them,
	// never sent for the album.
	options: SEND_OPTIONS.filter((o) => o.name === 'parseMode' || o.name === 'plainTextFallback'),
	properties: [
		{
			displayName: 'Media',
			name: 'media',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Media',
			default: {},
			description: '2–10 photos and videos, or 2–10 documents, or 2–10 audios, shown as one album',
			options: [
				{
					displayName: 'Media',
					name: 'items',
					values: [
						{
							displayName: 'Caption',
							name: 'caption',
							type: 'string',
							default: '',
						},
						{
							displayName: 'Input Binary Field',
							name: 'binaryPropertyName',
							type: 'string',
							default: 'data',
							description: 'Used when Source is Binary File',
						},
						{
							displayName: 'Source',
							name: 'source',
							type: 'options',
							options: [
								{
									name: 'Binary File',
									value: 'binary',
								},
								{
									name: 'URL or File ID',
									value: 'reference',
								},
							],
							default: 'binary',
						},
						{
							displayName: 'Type',
							name: 'type',
							type: 'options',
							options: [
								{
									name: 'Audio',
									value: 'audio',
								},
								{
									name: 'Document',
									value: 'document',
								},
								{
									name: 'Photo',
									value: 'photo',
								},
								{
									name: 'Video',
									value: 'video',
								},
							],
							default: 'photo',
						},
						{
							displayName: 'URL or File ID',
							name: 'file',
							type: 'string',
							default: '',
							description: 'Used when Source is URL or File ID',
						},
					],
				},
			],
		},
	],
	async prepare(ctx, itemIndex) {
		const entries =
			(parameter(ctx, 'media', itemIndex, {}) as { items?: MediaEntry[] }).items ?? [];
		const fail = (message: string) =>
			new NodeOperationError(ctx.getNode(), `Send Media Group: ${message}`, { itemIndex });
		if (entries.length < 2 || entries.length > 10)
			throw fail(`an album needs 2–10 media, got ${entries.length}`);
		const kinds = new Set(entries.map((entry) => (entry.type === 'video' ? 'photo' : entry.type)));
		if (kinds.size > 1)
			throw fail(
				'photos and videos can be mixed, but documents and audios only with their own kind',
			);
		const media: IDataObject[] = [];
		const uploads: Upload[] = [];
		for (const [index, entry] of entries.entries()) {
			const item: IDataObject = { type: entry.type };
			if (entry.source === 'reference') {
				if (!entry.file?.trim()) throw fail(`media ${index + 1} has no URL or file ID`);
				item.media = entry.file.trim();
			} else {
				const file = await binaryUpload(
					ctx,
					itemIndex,
					entry.binaryPropertyName || 'data',
					`file${index}`,
				);
				item.media = file.value;
				uploads.push(file.upload!);
			}
			if (entry.caption) item.caption = entry.caption;
			media.push(item);
		}
		const chosen = parameter(ctx, 'options.parseMode', itemIndex, 'none') as string;
		const parseMode = telegramParseMode(chosen);
		if (parseMode)
			for (const item of media) {
				if (!item.caption) continue;
				item.caption = formatText(item.caption as string, chosen);
				item.parse_mode = parseMode;
			}
		return { body: { media }, uploads };
	},
});
