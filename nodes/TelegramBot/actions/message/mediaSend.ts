import type { INodeProperties } from 'n8n-workflow';

import { mediaInput, mediaSourceProperties } from '../../helpers/mediaInput';
import { sendOperation } from '../sendOperation';
import type { OperationModule } from '../types';
import { parameter } from '../../../shared/parameters';

export interface MediaSpec {
	operation: string;
	label: string;
	/** The Bot API method and its file parameter: sendPhoto / photo. */
	method: string;
	field: string;
	noun: string;
	/** Stickers and video notes have no caption. */
	caption?: boolean;
	/** Photos, videos and animations can be hidden behind a spoiler. */
	spoiler?: boolean;
}

const captionProperty: INodeProperties = {
	displayName: 'Caption',
	name: 'caption',
	type: 'string',
	typeOptions: { rows: 2 },
	default: '',
	description: 'Text shown with the media, up to 1024 characters after markup is parsed',
};

const spoilerOption: INodeProperties = {
	displayName: 'Hide Behind Spoiler',
	name: 'hasSpoiler',
	type: 'boolean',
	default: false,
	description: 'Whether the media is blurred until tapped',
};

/** A single-file send: the file from a binary field (streamed) or a URL / file_id. */
export function mediaSend(spec: MediaSpec): OperationModule {
	const withCaption = spec.caption !== false;
	return sendOperation({
		resource: 'message',
		operation: spec.operation,
		label: spec.label,
		method: spec.method,
		formats: withCaption ? 'caption' : undefined,
		properties: [...mediaSourceProperties(spec.noun), ...(withCaption ? [captionProperty] : [])],
		options: spec.spoiler ? [spoilerOption] : [],
		async prepare(ctx, itemIndex) {
			const media = await mediaInput(ctx, itemIndex, spec.field, spec.label);
			const body: Record<string, unknown> = media.upload ? {} : { [spec.field]: media.value };
			if (withCaption) {
				const caption = parameter(ctx, 'caption', itemIndex, '') as string;
				if (caption) body.caption = caption;
			}
			if (spec.spoiler && parameter(ctx, 'options.hasSpoiler', itemIndex, false))
				body.has_spoiler = true;
			return { body: body as never, uploads: media.upload ? [media.upload] : [] };
		},
	});
}
