import FormData from 'form-data';
import type { IDataObject } from 'n8n-workflow';

/** A file sent in a multipart request; `open` is called once per attempt, so a retry re-reads it. */
export interface Upload {
	/** Multipart field: the method's parameter (`photo`) or an `attach://` name in a media group. */
	field: string;
	fileName: string;
	mimeType: string;
	/** Byte length when known: lets the request carry a Content-Length without reading the file. */
	size?: number;
	open: () => Promise<Buffer | NodeJS.ReadableStream>;
}

/**
 * The request body as Telegram takes uploads: multipart/form-data with JSON-encoded objects
 * (reply_markup, media) and the files streamed from n8n's binary store, never read whole.
 */
export async function multipartBody(fields: IDataObject, uploads: Upload[]): Promise<FormData> {
	const form = new FormData();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		form.append(key, typeof value === 'object' ? JSON.stringify(value) : String(value));
	}
	for (const upload of uploads) {
		const content = await upload.open();
		form.append(upload.field, content, {
			filename: upload.fileName,
			contentType: upload.mimeType,
			...(upload.size === undefined ? {} : { knownLength: upload.size }),
		});
	}
	return form;
}
