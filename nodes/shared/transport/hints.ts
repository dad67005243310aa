/**
 * What a caller may act on without reading the description: `entities`, Telegram could not read
 * the text's markup (the same message goes through as plain text).
 */
export type FailureKind = 'entities';

/**
 * What a person can do about a failure. Telegram's descriptions are terse; these hints name the
 * fix. Matched on the status and a fragment of the description, which Telegram keeps stable.
 */
const HINTS: Array<{
	status: number | 'network';
	match?: RegExp;
	hint: string;
	kind?: FailureKind;
}> = [
	{
		status: 401,
		hint: 'Telegram does not recognise the API token (revoked or mistyped). Copy the current one from @BotFather into the credential.',
	},
	{
		status: 404,
		match: /method/i,
		hint: 'The Bot API server does not know this method. Check its spelling, or whether a self-hosted server is older than the Bot API version you need.',
	},
	{
		status: 404,
		hint: 'The token is malformed (it must look like <bot ID>:<secret>) or the Server URL of the credential is not a Bot API server.',
	},
	{
		status: 403,
		match: /initiate conversation/i,
		hint: 'The user has never started a chat with the bot. They must open the bot in Telegram and press Start before it can write to them.',
	},
	{
		status: 403,
		match: /blocked by the user/i,
		hint: 'The user blocked the bot. Nothing can be sent to them until they unblock it.',
	},
	{
		status: 403,
		match: /kicked|not a member|no rights|not enough rights/i,
		hint: 'The bot is not a member of this chat or lacks the right to do this. Add it to the chat (as an administrator for channels) and retry.',
	},
	{
		status: 400,
		match: /chat not found/i,
		hint: 'Check the chat ID: group IDs are negative, supergroups and channels start with -100, channels can be given as @username. The bot must be a member of the chat, and a user must have started the bot.',
	},
	{
		status: 400,
		match: /upgraded to a supergroup|migrated to a supergroup/i,
		hint: 'The group became a supergroup with a new chat ID. Update the chat ID in the workflow.',
	},
	{
		status: 400,
		// "can't parse entities: Can't find end of the entity …", and the same for captions.
		match: /can't parse entities|can't find end/i,
		kind: 'entities',
		hint: 'The text is not valid for the chosen Parse Mode. Fix the markup (MarkdownV2 needs characters such as . - ! ( ) escaped) or set Parse Mode to None.',
	},
	{
		status: 400,
		match: /message is too long/i,
		hint: 'Telegram accepts at most 4096 characters per message and 1024 per caption.',
	},
	{
		status: 400,
		match: /bad webhook|https url/i,
		hint: 'Telegram posts only to public HTTPS URLs on ports 443, 80, 88 or 8443. For a local or plain-HTTP n8n, use a self-hosted Bot API server or poll with Get Updates.',
	},
	{
		status: 400,
		match: /file is too big/i,
		hint: "Telegram's cloud Bot API serves files up to 20 MB. Larger files need a self-hosted Bot API server.",
	},
	{
		status: 409,
		match: /webhook is active/i,
		hint: 'A webhook is registered for this bot, so updates cannot be polled. Remove it first (Webhook → Delete), or receive updates with the Telegram Bot Webhook Trigger.',
	},
	{
		status: 409,
		match: /terminated by other getUpdates/i,
		hint: 'Another program is polling this bot with getUpdates at the same time. Only one consumer per bot is possible: stop the other one.',
	},
	{
		status: 429,
		hint: "Telegram's flood control: too many messages. Slow down (about 1 message per second per chat, 20 per minute per group, 30 per second overall).",
	},
	{
		status: 300,
		hint: "The server answered with a redirect, which a Bot API server never does for a method call. Put the address it redirects to (often https:// instead of http://) in the credential's Server URL.",
	},
	{
		status: 500,
		hint: 'The Bot API server had an internal problem. Retrying later usually works.',
	},
	{
		status: 'network',
		hint: "No answer from the Bot API server. Check the credential's Server URL and that n8n can reach it (proxy, firewall, DNS).",
	},
];

/** The hint and the kind of a failure, from the first row its status and description match. */
export function classify(
	status: number | null,
	description: string,
): { hint?: string; kind?: FailureKind } {
	const key =
		status === null
			? 'network'
			: status >= 500
				? 500
				: status >= 300 && status < 400
					? 300
					: status;
	const row = HINTS.find(
		(entry) => entry.status === key && (!entry.match || entry.match.test(description)),
	);
	return { hint: row?.hint, kind: row?.kind };
}
