import { sleep } from 'n8n-workflow';

/** How fast one caller may send: the interval at the sustained rate and the back-to-back allowance. */
export class Rate {
	/** How far ahead of schedule a send may go: `burst` sends back to back before the interval applies. */
	readonly toleranceMs: number;

	constructor(
		readonly intervalMs: number,
		burst = 1,
	) {
		this.toleranceMs = intervalMs * Math.max(0, burst - 1);
	}
}

interface Waiter {
	rate: Rate;
	go: () => void;
}

/**
 * A budget kept by the generic cell rate algorithm, shared by every caller that sends with it.
 * Callers are let through first come first served, each taking its own rate's interval, and a
 * slot is taken at the moment the caller is let through: when the event loop was busy (items
 * being read) and timers fire late, at most a burst leaves at once, never the whole backlog.
 */
export class Pacer {
	/** When the next send would be exactly on schedule. */
	private theoretical = 0;
	private readonly waiting: Waiter[] = [];
	private draining = false;

	/** Resolves when the caller may send; its slot is taken. */
	async take(rate: Rate): Promise<void> {
		if (this.waiting.length === 0 && this.tryTake(Date.now(), rate)) return;
		await new Promise<void>((go) => {
			this.waiting.push({ rate, go });
			void this.drain();
		});
	}

	/** Nobody sends before `until` (Telegram asked to wait). */
	pauseUntil(until: number, rate: Rate): void {
		this.theoretical = Math.max(this.theoretical, until + rate.toleranceMs);
	}

	/** The send let through earlier left only now: the next one is due an interval after it. */
	sentAt(now: number, rate: Rate): void {
		this.theoretical = Math.max(this.theoretical, now + rate.intervalMs);
	}

	/** Nothing reserved ahead and nobody waiting: forgetting this budget loses nothing. */
	idle(now: number): boolean {
		return this.theoretical <= now && this.waiting.length === 0;
	}

	private tryTake(now: number, rate: Rate): boolean {
		if (this.theoretical - rate.toleranceMs > now) return false;
		this.theoretical = Math.max(this.theoretical, now) + rate.intervalMs;
		return true;
	}

	/** One loop per budget lets the waiting callers through in order, at the rate. */
	private async drain(): Promise<void> {
		if (this.draining) return;
		this.draining = true;
		while (this.waiting.length > 0) {
			const head = this.waiting[0];
			const now = Date.now();
			if (this.tryTake(now, head.rate)) {
				this.waiting.shift();
				head.go();
			} else {
				await sleep(this.theoretical - head.rate.toleranceMs - now);
			}
		}
		this.draining = false;
	}
}
