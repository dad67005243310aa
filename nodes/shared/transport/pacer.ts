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

/**
 * What one attempt may still wait for a pause (Telegram's `retry_after`, whichever request it
 * answered) and what it has waited; the takes of one attempt share it. Waiting for the rate is
 * not counted: a fan-out's last item may wait long for its turn without anything going wrong.
 */
export interface PauseAllowance {
	maxWaitMs: number;
	waitedMs: number;
	/** Ends the wait (the execution was stopped). */
	signal?: AbortSignal;
}

/** The budget is paused for longer than the caller may still wait: it fails now rather than at the end. */
export class PausedPastLimit extends Error {
	constructor(readonly waitMs: number) {
		super(`paused for ${Math.ceil(waitMs / 1000)} s more`);
	}
}

/**
 * An item that waited out its own `retry_after` finds at most the last millisecond of the pause it
 * set (timers may fire a little early): that is no new wait and no reason to fail.
 */
const TIMER_SLACK_MS = 50;

interface Waiter {
	rate: Rate;
	allowance: PauseAllowance;
	/** The pause clock when it arrived. */
	pausedAtArrival: number;
	go: () => void;
	fail: (error: unknown) => void;
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
	private waiting: Waiter[] = [];
	/** The abort signals callers wait with, each listened to once (see `watch`). */
	private readonly watched = new Map<AbortSignal, { waiters: number; stop: () => void }>();
	private draining = false;
	/** Wakes the drain loop early when the caller it waits for leaves. */
	private nap?: AbortController;
	/** The pause clock: time paused before the current pause, and the current pause. */
	private pausedBefore = 0;
	private pausedFrom = 0;
	private pausedUntil = 0;

	/**
	 * Resolves when the caller may send; its slot is taken and the time it waited for a pause is
	 * added to its allowance. Rejects at once with PausedPastLimit when the pause (now or set while
	 * it waits) would outlast the allowance, and with the signal's reason when the signal fires.
	 */
	async take(rate: Rate, allowance?: PauseAllowance): Promise<void> {
		allowance?.signal?.throwIfAborted();
		const now = Date.now();
		const waiter: Waiter = {
			rate,
			allowance: allowance ?? { maxWaitMs: Infinity, waitedMs: 0 },
			pausedAtArrival: this.pausedTime(now),
			go: () => {},
			fail: () => {},
		};
		const refused = this.pastLimit(waiter, now);
		if (refused) throw refused;
		if (this.waiting.length === 0 && this.tryTake(now, rate)) return;
		const signal = allowance?.signal;
		try {
			await new Promise<void>((go, fail) => {
				Object.assign(waiter, { go, fail });
				if (signal) this.watch(signal);
				this.waiting.push(waiter);
				void this.drain();
			});
		} finally {
			if (signal) this.unwatch(signal);
		}
	}

	/**
	 * One abort listener per signal, however many callers wait with it. Adding a listener makes an
	 * AbortSignal compare it with every listener it holds, so a listener per waiter made a fan-out of
	 * 10,000 items (every one waiting with the execution's signal) quadratic: 4% of P7's CPU.
	 */
	private watch(signal: AbortSignal): void {
		let watch = this.watched.get(signal);
		if (!watch) {
			const stop = () => this.leaveAll(signal);
			watch = { waiters: 0, stop };
			signal.addEventListener('abort', stop, { once: true });
			this.watched.set(signal, watch);
		}
		watch.waiters++;
	}

	private unwatch(signal: AbortSignal): void {
		const watch = this.watched.get(signal);
		if (!watch || --watch.waiters > 0) return;
		signal.removeEventListener('abort', watch.stop);
		this.watched.delete(signal);
	}

	/** The signal fired: every caller waiting with it leaves, in one pass over the queue. */
	private leaveAll(signal: AbortSignal): void {
		const leaving = this.waiting.filter((waiter) => waiter.allowance.signal === signal);
		if (leaving.length === 0) return;
		const headLeaves = this.waiting[0] === leaving[0];
		this.waiting = this.waiting.filter((waiter) => waiter.allowance.signal !== signal);
		if (headLeaves) this.nap?.abort();
		for (const waiter of leaving) waiter.fail(signal.reason);
	}

	/** Nobody sends before `until` (Telegram asked to wait); a waiter that may not wait so long fails now. */
	pauseUntil(until: number, rate: Rate): void {
		this.theoretical = Math.max(this.theoretical, until + rate.toleranceMs);
		const now = Date.now();
		if (until <= this.pausedUntil) return;
		if (now >= this.pausedUntil) {
			this.pausedBefore = this.pausedTime(now);
			this.pausedFrom = now;
		}
		this.pausedUntil = until;
		for (const waiter of [...this.waiting]) {
			const refused = this.pastLimit(waiter, now);
			if (refused) this.leave(waiter, refused);
		}
	}

	/** The send let through earlier left only now: the next one is due an interval after it. */
	sentAt(now: number, rate: Rate): void {
		this.theoretical = Math.max(this.theoretical, now + rate.intervalMs);
	}

	/** Nothing reserved ahead and nobody waiting: forgetting this budget loses nothing. */
	idle(now: number): boolean {
		return this.theoretical <= now && this.waiting.length === 0;
	}

	/** How long this budget has been paused up to `at`, the pause already set included. */
	private pausedTime(at: number): number {
		const current = Math.min(Math.max(at - this.pausedFrom, 0), this.pausedUntil - this.pausedFrom);
		return this.pausedBefore + current;
	}

	/** The failure for a waiter whose wait for the pause would pass its allowance, after counting what it waited. */
	private pastLimit(waiter: Waiter, now: number): PausedPastLimit | undefined {
		const { allowance } = waiter;
		const wholePause = this.pausedTime(this.pausedUntil) - waiter.pausedAtArrival;
		if (wholePause <= allowance.maxWaitMs - allowance.waitedMs + TIMER_SLACK_MS) return undefined;
		allowance.waitedMs += this.pausedTime(now) - waiter.pausedAtArrival;
		return new PausedPastLimit(this.pausedUntil - now);
	}

	private leave(waiter: Waiter, error: unknown): void {
		const index = this.waiting.indexOf(waiter);
		if (index < 0) return;
		this.waiting.splice(index, 1);
		if (index === 0) this.nap?.abort();
		waiter.fail(error);
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
				head.allowance.waitedMs += this.pausedTime(now) - head.pausedAtArrival;
				head.go();
			} else {
				this.nap = new AbortController();
				await sleep(this.theoretical - head.rate.toleranceMs - now, this.nap.signal).catch(
					() => undefined,
				);
			}
		}
		this.draining = false;
	}
}
