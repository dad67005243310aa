import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { Upload } from '../../shared/transport';
import { parameter } from '../../shared/parameters';

/** Where a file comes from: an n8n binary field (uploaded), or a URL / file_id Telegram resolves itself. */
export function mediaSourceProperties(noun: string): INodeProperties[] {
	return [
		{
			displayName: `${noun} Source`,
			name: 'source',
			type: 'options',
			options: [
				{
					name: 'Binary File',
					value: 'binary',
					description:
						'Upload a file from an input binary field (streamed, up to 50 MB on the cloud server)',
				},
				{
					name: 'URL or File ID',
					value: 'reference',
					description:
						'An HTTPS URL Telegram downloads itself, or the file_id of a file it already has',
				},
			],
			default: 'binary',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { source: ['binary'] } },
			hint: 'The name of the input binary field holding the file',
		},
		{
			displayName: `${noun} URL or File ID`,
			name: 'file',
			type: 'string',
			default: '',
			required: true,
			displayOptions: { show: { source: ['reference'] } },
			placeholder: 'https://example.com/report.pdf',
		},
	];
}

/** What the method's file parameter gets: a string (URL, file_id, attach://name) plus the upload, if any. */
export interface MediaValue {
	value: string;
	upload?: Upload;
}

export async function mediaInput(
	ctx: IExecuteFunctions,
	itemIndex: number,
	field: string,
	operation: string,
): Promise<MediaValue> {
	const source = parameter(ctx, 'source', itemIndex, 'binary') as string;
	if (source === 'reference') {
		const value = String(parameter(ctx, 'file', itemIndex, '') ?? '').trim();
		if (!value) {
			throw new NodeOperationError(ctx.getNode(), `${operation}: no URL or file ID given`, {
				itemIndex,
			});
		}
		return { value };
	}
	const property = parameter(ctx, 'binaryPropertyName', itemIndex, 'data') as string;
	return await binaryUpload(ctx, itemIndex, property, field);
}

/** An input binary field as an upload: streamed from n8n's binary store when it lives there. */
export async function binaryUpload(
	ctx: IExecuteFunctions,
	itemIndex: number,
	property: string,
	field: string,
): Promise<MediaValue> {
	const binary = ctx.helpers.assertBinaryData(itemIndex, property);
	const fileName =
		binary.fileName ?? `${field}${binary.fileExtension ? `.${binary.fileExtension}` : ''}`;
	const mimeType = binary.mimeType || 'application/octet-stream';
	const id = binary.id;
	if (id) {
		const { fileSize } = await ctx.helpers.getBinaryMetadata(id);
		return {
			value: `attach://${field}`,
			upload: {
				field,
				fileName,
				mimeType,
				size: fileSize,
				open: async () => await ctx.helpers.getBinaryStream(id),
			},
		};
	}
	const buffer = await ctx.helpers.getBinaryDataBuffer(itemIndex, property);
	return {
		value: `attach://${field}`,
		upload: { field, fileName, mimeType, size: buffer.length, open: async () => buffer },
	};
}
