import type { IExecuteFunctions } from 'n8n-workflow';

import { botKey } from './botKey';
import { Pacer, Rate, type PauseAllowance } from './pacer';

/** Telegram's published ceilings (Bot FAQ): ~30 messages/s per bot, ~1/s per chat, 20/min per group. */
export interface RateLimits {
	perSecond: number;
	perChatPerSecond: number;
	perGroupPerMinute: number;
}

export const TELEGRAM_LIMITS: RateLimits = {
	perSecond: 30,
	perChatPerSecond: 1,
	perGroupPerMinute: 20,
};

/**
 * A paid broadcast's ceiling (`allow_paid_broadcast`): up to 1,000 messages a second per bot, each
 * above the free 30 paid for in Telegram Stars. Its own budget: paid sends do not wait behind free ones.
 */
export const PAID_BROADCAST_PER_SECOND = 1000;

/** Back-to-back sends tolerated before pacing applies: small, so timer lag never adds up to a burst Telegram refuses. */
const GLOBAL_BURST = 3;

/**
 * The paid budget's allowance: 50 ms of sends at 1,000 a second. A slot the event loop was too
 * busy to use is lost for good once the pause outlasts the allowance, and at this rate pauses are
 * the garbage collector's: scavenges of 15-47 ms under Node 24 in a fan-out of 10,000 messages
 * (P7). With 3 P7 reached 0.77 of the paid ceiling, with 20 0.88-0.95, with 50 0.96-0.98, with no
 * refusal. The cost: any one second may carry up to 1,050 sends instead of 1,020.
 */
const PAID_BURST = 50;

/** A bot's budgets in this n8n process: its own and each chat's (and group's). */
interface BotBudget {
	bot: Pacer;
	/** Sends with `allow_paid_broadcast`. */
	paid: Pacer;
	chats: Map<string, ChatBudget>;
}

interface ChatBudget {
	chat: Pacer;
	group?: Pacer;
	/** Settles when the delivery to this chat in progress (of any execution) is done. */
	turn: Promise<void>;
	/** Deliveries holding or waiting for the turn. */
	queued: number;
}

/** Chats remembered per bot before the idle ones are forgotten (a long-running process sends to many). */
const CHATS_KEPT = 10_000;

/**
 * Every execution in this process that sends with the same bot shares its budgets: two fan-outs
 * started together take turns within Telegram's 30 messages a second instead of each taking 30.
 * Keyed by `botKey`, a hash of the server and the token, so the token itself is never kept here.
 */
const budgets = new Map<string, BotBudget>();

async function sharedBudget(ctx: IExecuteFunctions): Promise<BotBudget> {
	const key = await botKey(ctx);
	let budget = budgets.get(key);
	if (!budget) {
		budget = { bot: new Pacer(), paid: new Pacer(), chats: new Map() };
		budgets.set(key, budget);
	}
	return budget;
}

/**
 * The sends of one node execution: deliveries to different chats run concurrently, those to one
 * chat run one after the other in the order they were queued, and every request waits for its
 * slot in the bot's budget and in its chat's (and group's) budget, which all executions on the
 * same bot in this process share.
 */
export class DeliveryEngine {
	private readonly rates: { bot: Rate; paid: Rate; chat: Rate; group: Rate };
	/** Tail of each chat's queue in this execution: the next delivery to the chat starts after it settles. */
	private readonly tails = new Map<string, Promise<unknown>>();
	private stopped = false;
	private readonly stopping = new AbortController();
	private resolved?: BotBudget;

	constructor(
		readonly limits: RateLimits = TELEGRAM_LIMITS,
		/** The budgets to take slots from; an engine of its own when none is shared. */
		private readonly shared: Promise<BotBudget> = Promise.resolve({
			bot: new Pacer(),
			paid: new Pacer(),
			chats: new Map(),
		}),
	) {
		const perMinute = limits.perGroupPerMinute;
		this.rates = {
			bot: new Rate(1000 / limits.perSecond, GLOBAL_BURST),
			paid: new Rate(1000 / PAID_BROADCAST_PER_SECOND, PAID_BURST),
			chat: new Rate(1000 / limits.perChatPerSecond),
			// Half the minute's allowance as a burst: the rest refills at the sustained rate.
			group: new Rate(60_000 / perMinute, Math.max(1, Math.floor(perMinute / 2))),
		};
		// A credential that cannot be read fails the first slot, not the process.
		shared.catch(() => undefined);
	}

	/**
	 * Queues work for a chat. Call it before the first `await` of an item so that queue order is
	 * input order; the returned promise settles with the work.
	 */
	inChatOrder<T>(chatId: string | number, work: () => Promise<T>): Promise<T> {
		const key = String(chatId);
		const run = (this.tails.get(key) ?? Promise.resolve()).then(async () => {
			if (this.stopped) throw new DeliveryStopped();
			// One delivery at a time per chat in this process, whichever execution it belongs to.
			return await inTurn(chatBudget(await this.sharedBudget(), chatId), async () => {
				if (this.stopped) throw new DeliveryStopped();
				return await work();
			});
		});
		this.tails.set(
			key,
			run.catch(() => undefined),
		);
		return run;
	}

	/**
	 * Waits for the chat's slot, then the bot's: a chat slot taken first never wastes a global one.
	 * A pause (a 429 answered to any execution on this bot) is waited only within the allowance.
	 * A paid broadcast takes the bot's paid budget instead of its free one.
	 */
	async slot(chatId: string | number, allowance?: PauseAllowance, paid = false): Promise<void> {
		const shared = await this.sharedBudget();
		const budget = chatBudget(shared, chatId);
		await budget.chat.take(this.rates.chat, allowance);
		await budget.group?.take(this.rates.group, allowance);
		if (paid) await shared.paid.take(this.rates.paid, allowance);
		else await shared.bot.take(this.rates.bot, allowance);
		// The wait for the bot's slot may have been long: the chat's next send counts from now.
		const now = Date.now();
		budget.chat.sentAt(now, this.rates.chat);
		budget.group?.sentAt(now, this.rates.group);
		if (this.stopped) throw new DeliveryStopped();
	}

	/**
	 * Telegram answered 429: nothing goes to that chat, and nothing at all from this bot, before
	 * `retry_after` has passed. A 429 does not say which budget ran out, so both wait.
	 */
	flooded(chatId: string | number | undefined, waitMs: number, paid = false): void {
		// Set: every request took a slot first.
		const shared = this.resolved;
		if (!shared) return;
		const until = Date.now() + waitMs;
		if (paid) shared.paid.pauseUntil(until, this.rates.paid);
		else shared.bot.pauseUntil(until, this.rates.bot);
		if (chatId !== undefined) {
			const budget = chatBudget(shared, chatId);
			budget.chat.pauseUntil(until, this.rates.chat);
			budget.group?.pauseUntil(until, this.rates.group);
		}
	}

	/** Resolved once; `flooded` needs it synchronously. */
	private async sharedBudget(): Promise<BotBudget> {
		return (this.resolved ??= await this.shared);
	}

	/** Work queued but not started is dropped, and every wait ends (the run failed and does not continue). */
	stop(): void {
		this.stopped = true;
		this.stopping.abort(new DeliveryStopped());
	}

	/** Fires on stop: a delivery's waits (a retry's, a paused budget's) end with DeliveryStopped. */
	get stopSignal(): AbortSignal {
		return this.stopping.signal;
	}
}

function chatBudget(shared: BotBudget, chatId: string | number): ChatBudget {
	const key = String(chatId);
	let budget = shared.chats.get(key);
	if (!budget) {
		if (shared.chats.size >= CHATS_KEPT) forgetIdleChats(shared.chats);
		// Groups, supergroups and channels have negative IDs; public ones are also reached by @username.
		const isGroup = key.startsWith('-') || key.startsWith('@');
		budget = {
			chat: new Pacer(),
			group: isGroup ? new Pacer() : undefined,
			turn: Promise.resolve(),
			queued: 0,
		};
		shared.chats.set(key, budget);
	}
	return budget;
}

function forgetIdleChats(chats: Map<string, ChatBudget>): void {
	const now = Date.now();
	for (const [key, budget] of chats)
		if (budget.queued === 0 && budget.chat.idle(now) && (budget.group?.idle(now) ?? true))
			chats.delete(key);
}

/** Runs `work` when the chat's earlier deliveries are done. */
async function inTurn<T>(budget: ChatBudget, work: () => Promise<T>): Promise<T> {
	const previous = budget.turn;
	let release = () => {};
	budget.turn = new Promise<void>((resolve) => (release = resolve));
	budget.queued++;
	try {
		await previous;
		return await work();
	} finally {
		budget.queued--;
		release();
	}
}

export class DeliveryStopped extends Error {
	constructor() {
		super('Not sent: an earlier item failed and the node stopped');
	}
}

const engines = new WeakMap<object, DeliveryEngine>();

/** One engine per node execution, with the limits its first send gives, on the bot's shared budgets. */
export function deliveryEngine(ctx: IExecuteFunctions, limits: RateLimits): DeliveryEngine {
	let engine = engines.get(ctx);
	if (!engine) {
		engine = new DeliveryEngine(limits, sharedBudget(ctx));
		engines.set(ctx, engine);
	}
	return engine;
}

/** The engine of this execution if a send created one (the router stops it on failure). */
export function existingDeliveryEngine(ctx: object): DeliveryEngine | undefined {
	return engines.get(ctx);
}
