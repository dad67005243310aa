import type {
	IBinaryData,
	IDataObject,
	IExecuteFunctions,
	ITriggerFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { isTelegramCloud } from './botUrl';
import { FileUnavailable } from './errors';
import { unwrapEnvelope } from './envelope';
import { redact } from './redact';
import { botCredentials, withinDeadline } from './request';

/** Telegram's cloud server hands out files up to 20 MB; a self-hosted server has no such limit. */
export const CLOUD_DOWNLOAD_LIMIT = 20 * 1024 * 1024;

/** A whole download, like an upload, may take this long unless the Request Timeout says otherwise. */
const DOWNLOAD_TIMEOUT_MS = 600_000;
const ERROR_BODY_LIMIT = 64 * 1024;

/** The answer's body as n8n hands it over with `encoding: 'stream'`. */
type BodyStream = NodeJS.ReadableStream & AsyncIterable<Buffer> & { destroy(): void };

/**
 * The file a getFile answer points to, as n8n binary data. A self-hosted server started with
 * --local answers with an absolute path on its own disk: it is read from there when n8n runs on
 * the same machine. Fails with a BotApiFailure: FileUnavailable when the file cannot be fetched at all.
 */
export async function downloadBotFile(
	ctx: IExecuteFunctions | IWebhookFunctions | ITriggerFunctions,
	operation: string,
	file: IDataObject,
	options: { timeoutMs?: number } = {},
): Promise<IBinaryData> {
	const { serverUrl, apiToken } = await botCredentials(ctx);
	const path = String(file.file_path ?? '');
	const fileName = path.split('/').pop() || String(file.file_unique_id ?? 'file');
	const size = Number(file.file_size ?? 0);
	// A local server keeps files under a folder named after the token: every path is redacted.
	const fail = (description: string) =>
		new FileUnavailable(operation, redact(description, apiToken));
	if (!path)
		throw fail('Telegram gave no file_path: the file cannot be downloaded (it may be over 20 MB)');
	if (path.startsWith('/')) {
		// Only an action node's context may read files; a trigger's has no file-system helpers.
		if (!('resolvePath' in ctx.helpers)) {
			throw fail(
				`the Bot API server keeps this file at ${path} on its own disk; a trigger cannot read local files. Use the Telegram Bot node's Get File operation on the file_id instead.`,
			);
		}
		try {
			const resolved = await ctx.helpers.resolvePath(path);
			if (ctx.helpers.isFilePathBlocked(resolved))
				throw new Error("n8n's file access settings (N8N_RESTRICT_FILE_ACCESS_TO) block this path");
			const stream = await ctx.helpers.createReadStream(resolved);
			return await ctx.helpers.prepareBinaryData(stream, fileName);
		} catch (error) {
			throw fail(
				`the Bot API server keeps this file at ${path}, which n8n cannot read (${(error as Error).message}). Run n8n on the same machine as telegram-bot-api --local, or share that folder with n8n.`,
			);
		}
	}
	if (size > CLOUD_DOWNLOAD_LIMIT && isTelegramCloud(serverUrl)) {
		throw fail(
			`the file is ${(size / 1024 / 1024).toFixed(1)} MB; Telegram's cloud Bot API lets bots download files up to 20 MB. A self-hosted Bot API server has no such limit.`,
		);
	}
	const timeoutMs = options.timeoutMs ?? DOWNLOAD_TIMEOUT_MS;
	return await withinDeadline(
		ctx,
		operation,
		'download',
		{ timeoutMs, secrets: [apiToken] },
		async (http) => {
			// Streamed: the bytes go from the socket to n8n's binary store, never whole into memory.
			const response = (await http({
				method: 'GET',
				url: `file/${path}`,
				encoding: 'stream',
				json: false,
				returnFullResponse: true,
				ignoreHttpStatusErrors: true,
			})) as { statusCode: number; body: BodyStream; headers: IDataObject };
			if (response.statusCode !== 200) {
				const answer = await firstBytes(response.body, ERROR_BODY_LIMIT);
				unwrapEnvelope(operation, 'download', response.statusCode, answer, [apiToken]);
				throw fail(`the download answered ${response.statusCode}`);
			}
			const mimeType = String(response.headers['content-type'] ?? '').split(';')[0] || undefined;
			const useful = mimeType && mimeType !== 'application/octet-stream' ? mimeType : undefined;
			const stream = response.body as unknown as Parameters<
				typeof ctx.helpers.prepareBinaryData
			>[0];
			return await ctx.helpers.prepareBinaryData(stream, fileName, useful);
		},
	);
}

/** Enough of an error answer to read Telegram's envelope or a proxy's page; the rest is dropped. */
async function firstBytes(stream: BodyStream, limit: number): Promise<Buffer> {
	const chunks: Buffer[] = [];
	let length = 0;
	for await (const chunk of stream) {
		chunks.push(chunk);
		length += chunk.length;
		if (length >= limit) break;
	}
	stream.destroy();
	return Buffer.concat(chunks).subarray(0, limit);
}
