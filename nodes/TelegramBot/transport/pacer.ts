/**
 * A rate kept by reservation (the generic cell rate algorithm): each caller is given the earliest
 * moment it may send, in the order it asked, so waiting callers are served first come first
 * served and timer lag is caught up by the tolerance instead of being lost.
 */
export class Pacer {
	/** When the next send would be exactly on schedule. */
	private theoretical = 0;

	constructor(
		/** Milliseconds between sends at the sustained rate. */
		private readonly intervalMs: number,
		/** Sends allowed back to back before the interval applies. */
		burst = 1,
		private readonly toleranceMs = intervalMs * Math.max(0, burst - 1),
	) {}

	/** Milliseconds the caller must wait before sending; the slot is taken. */
	reserve(now: number): number {
		const slot = Math.max(this.theoretical, now);
		const wait = Math.max(0, slot - this.toleranceMs - now);
		this.theoretical = slot + this.intervalMs;
		return wait;
	}

	/** Nobody sends before `until` (Telegram asked to wait). */
	pauseUntil(until: number): void {
		this.theoretical = Math.max(this.theoretical, until + this.toleranceMs);
	}
}
