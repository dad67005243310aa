import type { IExecuteFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { Pacer } from './pacer';

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

/** Back-to-back sends tolerated before pacing applies: small, so timer lag never adds up to a burst Telegram refuses. */
const GLOBAL_BURST = 3;

interface ChatBudget {
	chat: Pacer;
	group?: Pacer;
	/** Tail of the chat's queue: the next delivery to this chat starts after it settles. */
	tail: Promise<unknown>;
}

/**
 * The send budget of one node execution: deliveries to different chats run concurrently, those to
 * one chat run one after the other in the order they were queued, and every request waits for its
 * slot in the bot's budget and in its chat's (and group's) budget.
 */
export class DeliveryEngine {
	private readonly global: Pacer;
	private readonly chats = new Map<string, ChatBudget>();
	private stopped = false;

	constructor(readonly limits: RateLimits = TELEGRAM_LIMITS) {
		this.global = new Pacer(1000 / limits.perSecond, GLOBAL_BURST);
	}

	/**
	 * Queues work for a chat. Call it before the first `await` of an item so that queue order is
	 * input order; the returned promise settles with the work.
	 */
	inChatOrder<T>(chatId: string | number, work: () => Promise<T>): Promise<T> {
		const budget = this.budget(chatId);
		const run = budget.tail.then(async () => {
			if (this.stopped) throw new DeliveryStopped();
			return await work();
		});
		budget.tail = run.catch(() => undefined);
		return run;
	}

	/** Waits for the chat's slot, then the bot's: a chat slot taken first never wastes a global one. */
	async slot(chatId: string | number): Promise<void> {
		const budget = this.budget(chatId);
		for (const pacer of [budget.chat, budget.group]) {
			const wait = pacer?.reserve(Date.now()) ?? 0;
			if (wait > 0) await sleep(wait);
		}
		const wait = this.global.reserve(Date.now());
		if (wait > 0) await sleep(wait);
		if (this.stopped) throw new DeliveryStopped();
	}

	/**
	 * Telegram answered 429: nothing goes to that chat, and nothing at all from this bot, before
	 * `retry_after` has passed. A 429 does not say which budget ran out, so both wait.
	 */
	flooded(chatId: string | number | undefined, waitMs: number): void {
		const until = Date.now() + waitMs;
		this.global.pauseUntil(until);
		if (chatId !== undefined) {
			const budget = this.budget(chatId);
			budget.chat.pauseUntil(until);
			budget.group?.pauseUntil(until);
		}
	}

	/** Work queued but not started is dropped (the run failed and does not continue). */
	stop(): void {
		this.stopped = true;
	}

	private budget(chatId: string | number): ChatBudget {
		const key = String(chatId);
		let budget = this.chats.get(key);
		if (!budget) {
			// Groups, supergroups and channels have negative IDs; public ones are also reached by @username.
			const isGroup = key.startsWith('-') || key.startsWith('@');
			const perMinute = this.limits.perGroupPerMinute;
			budget = {
				chat: new Pacer(1000 / this.limits.perChatPerSecond),
				// Half the minute's allowance as a burst: the rest refills at the sustained rate.
				group: isGroup
					? new Pacer(60_000 / perMinute, Math.max(1, Math.floor(perMinute / 2)))
					: undefined,
				tail: Promise.resolve(),
			};
			this.chats.set(key, budget);
		}
		return budget;
	}
}

export class DeliveryStopped extends Error {
	constructor() {
		super('Not sent: an earlier item failed and the node stopped');
	}
}

const engines = new WeakMap<object, DeliveryEngine>();

/** One engine per node execution, configured from the first item's options. */
export function deliveryEngine(ctx: IExecuteFunctions, itemIndex: number): DeliveryEngine {
	let engine = engines.get(ctx);
	if (!engine) {
		engine = new DeliveryEngine(rateLimitsOf(ctx, itemIndex));
		engines.set(ctx, engine);
	}
	return engine;
}

/** The engine of this execution if a send created one (the router stops it on failure). */
export function existingDeliveryEngine(ctx: object): DeliveryEngine | undefined {
	return engines.get(ctx);
}

function rateLimitsOf(ctx: IExecuteFunctions, itemIndex: number): RateLimits {
	const options = ctx.getNodeParameter('options', itemIndex, {}) as {
		messagesPerSecond?: number;
		messagesPerChatPerSecond?: number;
		messagesPerGroupPerMinute?: number;
	};
	return {
		perSecond: positive(options.messagesPerSecond, TELEGRAM_LIMITS.perSecond),
		perChatPerSecond: positive(options.messagesPerChatPerSecond, TELEGRAM_LIMITS.perChatPerSecond),
		perGroupPerMinute: positive(
			options.messagesPerGroupPerMinute,
			TELEGRAM_LIMITS.perGroupPerMinute,
		),
	};
}

function positive(value: unknown, fallback: number): number {
	const number = Number(value);
	return Number.isFinite(number) && number > 0 ? number : fallback;
}
