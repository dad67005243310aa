import { createHash } from 'crypto';

import { botCredentials, type BotApiContext } from './request';

/**
 * What tells one bot from another inside this n8n process (its shared send budget, its shared
 * update stream): a hash of the server and the token, so the token itself is never kept as a key.
 */
export async function botKey(ctx: BotApiContext): Promise<string> {
	const { serverUrl, apiToken } = await botCredentials(ctx);
	return createHash('sha256').update(`${serverUrl}\n${apiToken}`).digest('hex');
}
