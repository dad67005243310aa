import { createHmac, timingSafeEqual } from 'crypto';

/**
 * What ties a Send and Wait message to the execution waiting for it, shared by the action node
 * (which writes it) and both triggers (which read it back from the updates Telegram sends).
 *
 * Telegram gives a button 64 bytes of callback data, too little for n8n's resume URL (its
 * signature alone is 64 hex characters). So the message carries the URL itself, as a link on an
 * invisible character at its start, and Telegram hands the whole message back with every press
 * (`callback_query.message`, entities included) and with every reply (`reply_to_message`). The
 * buttons carry only the choice and a MAC over the choice, the execution, the node and the chat.
 * The link's fragment (never sent to n8n) carries the request's state: its kind, its deadline and
 * the approvals so far, under a MAC too. Every MAC is keyed by the bot's token, which only the
 * holders of the bot's credential know, so neither a crafted update nor a button of another
 * request or another bot resumes anything.
 */

/** Starts the callback data of every Send and Wait button. */
export const CALLBACK_PREFIX = 'tgw1|';
/** Starts the fragment of the link a Send and Wait message carries. */
const FRAGMENT_PREFIX = 'tgw1.';
/** The invisible character the link sits on (what aiogram's hide_link uses). */
export const LINK_CHARACTER = '\u200b';

export type RequestKind = 'approval' | 'customButtons' | 'freeText';
const KIND_CODES: Record<RequestKind, string> = {
	approval: 'a',
	customButtons: 'c',
	freeText: 't',
};

/** One approval so far: who and when (Unix seconds). */
export interface Approval {
	id: number;
	username?: string;
	at: number;
}

/** The request as its message carries it. */
export interface RequestState {
	kind: RequestKind;
	/** Unix seconds after which no answer counts; 0 for none. */
	deadline: number;
	approvals: Approval[];
}

/** Which execution and node wait for the answer, as read from the resume URL. */
export interface Waiter {
	executionId: string;
	nodeId: string;
	chatId: string | number;
}

const MAC_LENGTH = 22; // base64url characters: 132 bits

function macKey(token: string): Buffer {
	return createHmac('sha256', token).update('n8n-nodes-telegram-bot send-and-wait v1').digest();
}

/** A truncated HMAC-SHA256 of the parts, keyed by (a key derived from) the bot's token. */
export function mac(token: string, parts: Array<string | number>): string {
	return createHmac('sha256', macKey(token))
		.update(parts.map(String).join('\n'))
		.digest('base64url')
		.slice(0, MAC_LENGTH);
}

export function macMatches(expected: string, given: unknown): boolean {
	if (typeof given !== 'string' || given.length !== expected.length) return false;
	return timingSafeEqual(Buffer.from(expected), Buffer.from(given));
}

function waiterParts(waiter: Waiter): string[] {
	return [waiter.executionId, waiter.nodeId, String(waiter.chatId)];
}

/** A button's callback data: `tgw1|<choice>|<mac>`, at most 64 bytes for any choice code we make. */
export function callbackData(token: string, waiter: Waiter, choice: string): string {
	return `${CALLBACK_PREFIX}${choice}|${mac(token, ['button', choice, ...waiterParts(waiter)])}`;
}

/** The choice a button stands for, when its data was made for this waiter with this token. */
export function verifiedChoice(token: string, waiter: Waiter, data: unknown): string | undefined {
	if (typeof data !== 'string' || !data.startsWith(CALLBACK_PREFIX)) return undefined;
	const [choice, given] = data.slice(CALLBACK_PREFIX.length).split('|');
	if (!choice || !macMatches(mac(token, ['button', choice, ...waiterParts(waiter)]), given))
		return undefined;
	return choice;
}

function encodeApprovals(approvals: Approval[]): string {
	return approvals.map((a) => `${a.id}~${a.at}~${a.username ?? ''}`).join(',');
}

function decodeApprovals(text: string): Approval[] | undefined {
	if (text === '') return [];
	const approvals: Approval[] = [];
	for (const entry of text.split(',')) {
		const [id, at, username] = entry.split('~');
		if (!/^\d{1,20}$/.test(id) || !/^\d{1,12}$/.test(at) || !/^\w{0,64}$/.test(username ?? ''))
			return undefined;
		approvals.push({ id: Number(id), at: Number(at), ...(username ? { username } : {}) });
	}
	return approvals;
}

/** The fragment the message's link ends with: the request's state and its MAC. */
export function stateFragment(token: string, waiter: Waiter, state: RequestState): string {
	const body = [KIND_CODES[state.kind], state.deadline, encodeApprovals(state.approvals)].join('.');
	return `${FRAGMENT_PREFIX}${body}.${mac(token, ['state', body, ...waiterParts(waiter)])}`;
}

/** The state a fragment carries, when its MAC is right for this waiter and token. */
export function verifiedState(
	token: string,
	waiter: Waiter,
	fragment: string,
): RequestState | undefined {
	if (!fragment.startsWith(FRAGMENT_PREFIX)) return undefined;
	const fields = fragment.slice(FRAGMENT_PREFIX.length).split('.');
	if (fields.length !== 4) return undefined;
	const [kindCode, deadline, approvals, given] = fields;
	const body = [kindCode, deadline, approvals].join('.');
	if (!macMatches(mac(token, ['state', body, ...waiterParts(waiter)]), given)) return undefined;
	const kind = (Object.keys(KIND_CODES) as RequestKind[]).find((k) => KIND_CODES[k] === kindCode);
	const decoded = decodeApprovals(approvals);
	if (!kind || !/^\d{1,12}$/.test(deadline) || !decoded) return undefined;
	return { kind, deadline: Number(deadline), approvals: decoded };
}

interface Entity {
	type?: string;
	url?: string;
}

/** A message that carries a Send and Wait link, as the updates give it back. */
export interface RequestMessage {
	chat?: { id?: number };
	message_id?: number;
	text?: string;
	entities?: Entity[];
	from?: { id?: number; is_bot?: boolean };
}

/** The resume URL (without fragment) and the waiter a Send and Wait message points to, unverified. */
export function linkOf(
	message: RequestMessage | undefined,
): { url: string; waiter: Waiter; fragment: string } | undefined {
	const chatId = message?.chat?.id;
	if (chatId === undefined) return undefined;
	for (const entity of message?.entities ?? []) {
		if (entity.type !== 'text_link' || typeof entity.url !== 'string') continue;
		const hash = entity.url.indexOf(`#${FRAGMENT_PREFIX}`);
		if (hash < 0) continue;
		let parsed: URL;
		try {
			parsed = new URL(entity.url.slice(0, hash));
		} catch {
			continue;
		}
		const segments = parsed.pathname.split('/').filter(Boolean);
		if (segments.length < 2) continue;
		return {
			url: parsed.toString(),
			fragment: entity.url.slice(hash + 1),
			waiter: {
				executionId: decodeURIComponent(segments[segments.length - 2]),
				nodeId: decodeURIComponent(segments[segments.length - 1]),
				chatId,
			},
		};
	}
	return undefined;
}

/** What a trigger posts to the waiting execution: the update, and a MAC only the bot's credential holders can make. */
export interface RelayedAnswer {
	payload: string;
	mac: string;
}

export function relayBody(token: string, update: unknown): RelayedAnswer {
	const payload = JSON.stringify(update);
	return { payload, mac: mac(token, ['relay', payload]) };
}

/** The update a relayed answer carries, when its MAC is right. */
export function verifiedRelay(token: string, body: unknown): Record<string, unknown> | undefined {
	const relayed = body as Partial<RelayedAnswer> | undefined;
	if (typeof relayed?.payload !== 'string') return undefined;
	if (!macMatches(mac(token, ['relay', relayed.payload]), relayed.mac)) return undefined;
	try {
		const update = JSON.parse(relayed.payload) as unknown;
		return update && typeof update === 'object' ? (update as Record<string, unknown>) : undefined;
	} catch {
		return undefined;
	}
}

/** The header the waiting execution's answer carries, so a trigger tells it from n8n's own pages. */
export const HANDLED_MARKER = 'telegramBotSendAndWait';
