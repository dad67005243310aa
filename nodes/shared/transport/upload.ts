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
 * One part, shaped like the spec's `File`: axios writes its headers from `name` (the filename,
 * absent for a plain field) and `type`, counts `size` into the Content-Length and pipes `stream()`.
 */
interface Part {
	name?: string;
	type: string;
	size?: number;
	stream: () => AsyncIterable<Uint8Array>;
}

/**
 * The smallest spec-compliant FormData (`append`, `entries`, iterable, tagged `FormData`).
 * n8n's request helpers hand the body to axios unchanged, and axios encodes such a form itself
 * (`formDataToStream`), reading each part's `stream()` only while the socket drains: the file is
 * never held whole. Node's own FormData cannot carry a file that is not in memory yet, and a
 * multipart library would bundle Node built-ins that n8n Cloud does not load.
 */
class MultipartForm {
	private readonly parts: Array<[string, Part]> = [];

	get [Symbol.toStringTag]() {
		return 'FormData';
	}

	append(field: string, part: Part) {
		this.parts.push([field, part]);
	}

	entries() {
		return this.parts[Symbol.iterator]();
	}

	[Symbol.iterator]() {
		return this.entries();
	}
}

const utf8 = new TextEncoder();

/**
 * A text field as exact UTF-8 bytes. Passed as a string, axios would rewrite its line breaks to
 * CRLF (the HTML form rule), and Telegram keeps what it receives: a caption would gain `\r`s.
 * Telegram's reader treats a part without a filename as a parameter whatever its Content-Type.
 */
function textPart(value: string): Part {
	const bytes = utf8.encode(value);
	return {
		type: 'text/plain; charset=utf-8',
		size: bytes.byteLength,
		stream: async function* () {
			yield bytes;
		},
	};
}

/** A file opened only when axios reaches its part, so a request that fails early leaves no handle open. */
function filePart(upload: Upload): Part {
	return {
		name: upload.fileName,
		type: upload.mimeType,
		size: upload.size,
		stream: async function* () {
			const content = await upload.open();
			if (content instanceof Uint8Array) yield content;
			else yield* content as AsyncIterable<Uint8Array>;
		},
	};
}

/**
 * The request body as Telegram takes uploads: multipart/form-data with JSON-encoded objects
 * (reply_markup, media) and the files streamed from n8n's binary store, never read whole.
 */
export function multipartBody(fields: IDataObject, uploads: Upload[]): MultipartForm {
	const form = new MultipartForm();
	for (const [key, value] of Object.entries(fields)) {
		if (value === undefined || value === null) continue;
		form.append(key, textPart(typeof value === 'object' ? JSON.stringify(value) : String(value)));
	}
	for (const upload of uploads) form.append(upload.field, filePart(upload));
	return form;
}
