import type { FloodLimits } from './types';

/** A token bucket: `capacity` sends at once, refilled at `perMs` tokens per millisecond. */
class Bucket {
	private tokens: number;
	private last = Date.now();

	constructor(
		private readonly capacity: number,
		private readonly perMs: number,
	) {
		this.tokens = capacity;
	}

	/** Milliseconds until a token is there (0: there is one now). */
	waitMs(now: number): number {
		this.tokens = Math.min(this.capacity, this.tokens + (now - this.last) * this.perMs);
		this.last = now;
		return this.tokens >= 1 ? 0 : (1 - this.tokens) / this.perMs;
	}

	take(): void {
		this.tokens -= 1;
	}
}

/** The methods Telegram's flood limits count: everything that puts a message into a chat. */
export const SENDING_METHOD = /^(send|forward|copy)/i;

/** Telegram's flood limits: 30 messages a second per bot, about 1 a second per chat, 20 a minute per group. */
export class FloodControl {
	private readonly buckets = new Map<string, Bucket>();
	/** Sends refused with 429. */
	refusals = 0;

	constructor(private readonly limits: FloodLimits) {}

	/**
	 * Seconds to wait when a send would break a limit, else 0 (and the send is counted). A paid
	 * broadcast (`allow_paid_broadcast`) is held to the paid ceiling, 1,000 a second, instead of 30.
	 */
	check(token: string, chatId: string, paid = false): number {
		const limits = this.limits;
		const scale = limits.timeScale ?? 1;
		const perSecond = (limits.perSecond ?? 30) * scale;
		const perChat = (limits.perChatPerSecond ?? 1) * scale;
		const perGroup = (limits.perGroupPerMinute ?? 20) * scale;
		const perPaid = (limits.paidPerSecond ?? 1000) * scale;
		const buckets = [
			paid
				? this.bucket(`paid:${token}`, limits.paidPerSecond ?? 1000, perPaid / 1000)
				: this.bucket(`bot:${token}`, limits.perSecond ?? 30, perSecond / 1000),
		];
		buckets.push(this.bucket(`chat:${token}:${chatId}`, limits.chatBurst ?? 3, perChat / 1000));
		if (chatId.startsWith('-') || chatId.startsWith('@')) {
			buckets.push(
				this.bucket(`group:${token}:${chatId}`, limits.perGroupPerMinute ?? 20, perGroup / 60_000),
			);
		}
		const now = Date.now();
		const waitMs = Math.max(...buckets.map((bucket) => bucket.waitMs(now)));
		if (waitMs > 0) {
			this.refusals++;
			return Math.max(1, Math.ceil(waitMs / 1000));
		}
		buckets.forEach((bucket) => bucket.take());
		return 0;
	}

	private bucket(key: string, capacity: number, perMs: number): Bucket {
		let bucket = this.buckets.get(key);
		if (!bucket) {
			bucket = new Bucket(capacity, perMs);
			this.buckets.set(key, bucket);
		}
		return bucket;
	}
}
