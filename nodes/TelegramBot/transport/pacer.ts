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
 * A budget kept by reservation (the generic cell rate algorithm): each caller is given the earliest
 * moment it may send, in the order it asked, so waiting callers are served first come first
 * served and timer lag is caught up by the tolerance instead of being lost. Callers sharing one
 * budget each pass their own rate: every send takes its own interval out of the shared schedule.
 */
export class Pacer {
	/** When the next send would be exactly on schedule. */
	private theoretical = 0;

	/** Milliseconds the caller must wait before sending; the slot is taken. */
	reserve(now: number, rate: Rate): number {
		const slot = Math.max(this.theoretical, now);
		const wait = Math.max(0, slot - rate.toleranceMs - now);
		this.theoretical = slot + rate.intervalMs;
		return wait;
	}

	/** Nobody sends before `until` (Telegram asked to wait). */
	pauseUntil(until: number, rate: Rate): void {
		this.theoretical = Math.max(this.theoretical, until + rate.toleranceMs);
	}

	/** Nothing reserved ahead: forgetting this budget loses nothing. */
	idle(now: number): boolean {
		return this.theoretical <= now;
	}
}
