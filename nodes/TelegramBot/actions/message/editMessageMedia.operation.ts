import type { IDataObject } from 'n8n-workflow';

import { editTargetBody, editTargetProperties } from '../../helpers/chatMessage';
import { formatText } from '../../helpers/formatting';
import { mediaInput, mediaSourceProperties } from '../../helpers/mediaInput';
import { INLINE_ONLY, replyMarkupOf, replyMarkupProperties } from '../../helpers/replyMarkup';
import { SEND_OPTIONS, sendOptionsBody } from '../../descriptions/sendOptions';
import { callOperation } from '../callOperation';
import { parameter } from '../../../shared/parameters';

const label = 'Edit Message Media';

/** Replaces the photo, video, animation, audio or document of a message (and its caption). */
export const editMessageMedia = callOperation({
	resource: 'message',
	operation: 'editMessageMedia',
	label,
	method: 'editMessageMedia',
	output: 'result',
	uploads: true,
	properties: [
		...editTargetProperties,
		{
			displayName: 'Media Type',
			name: 'mediaType',
			type: 'options',
			options: [
				{ name: 'Animation', value: 'animation' },
				{ name: 'Audio', value: 'audio' },
				{ name: 'Document', value: 'document' },
				{ name: 'Photo', value: 'photo' },
				{ name: 'Video', value: 'video' },
			],
			default: 'photo',
			description:
				'What the message shows instead; an album message only takes a photo or video, and audio only replaces audio, a document only a document',
		},
		...mediaSourceProperties('Media'),
		{
			displayName: 'Caption',
			name: 'caption',
			type: 'string',
			typeOptions: { rows: 2 },
			default: '',
			description: 'The caption of the new media, up to 1024 characters; empty for none',
		},
		...replyMarkupProperties(INLINE_ONLY),
	],
	options: SEND_OPTIONS.filter((o) => o.name === 'parseMode' || o.name === 'showCaptionAboveMedia'),
	async body(ctx, itemIndex) {
		const type = parameter(ctx, 'mediaType', itemIndex, 'photo') as string;
		const media = await mediaInput(ctx, itemIndex, 'media', label);
		const options = parameter(ctx, 'options', itemIndex, {}) as IDataObject;
		const caption = parameter(ctx, 'caption', itemIndex, '') as string;
		const markup = replyMarkupOf(ctx, itemIndex, label);
		// parse_mode and show_caption_above_media belong to the InputMedia, not to the method.
		const { parse_mode, show_caption_above_media } = sendOptionsBody(options);
		const above = show_caption_above_media && ['photo', 'video', 'animation'].includes(type);
		return {
			body: {
				...editTargetBody(ctx, itemIndex, label),
				media: {
					type,
					media: media.value,
					...(caption ? { caption: formatText(caption, options.parseMode as string) } : {}),
					...(caption && parse_mode ? { parse_mode } : {}),
					...(above ? { show_caption_above_media: true } : {}),
				},
				...(markup ? { reply_markup: markup } : {}),
			},
			uploads: media.upload ? [media.upload] : [],
		};
	},
});
