import { perPair } from './perPair';

/**
 * Abort signals for a transport that sends a thousand requests a second. Creating a timeout
 * signal, a combined signal and a context for each request is work the process pays for in CPU
 * and garbage: here the signals that live longer than one request are made once and shared.
 */

/** Deadlines are shared by the requests whose time is up within the same 100 ms. */
const DEADLINE_GRAIN_MS = 100;
const deadlines = new Map<number, AbortSignal>();

/**
 * A signal that fires once `timeoutMs` have passed, at most DEADLINE_GRAIN_MS later: one timer
 * per 100 ms for every request whose deadline falls in it, not one per request.
 */
export function deadlineSignal(timeoutMs: number): AbortSignal {
	const now = Date.now();
	const end = Math.ceil((now + timeoutMs) / DEADLINE_GRAIN_MS) * DEADLINE_GRAIN_MS;
	let signal = deadlines.get(end);
	if (!signal) {
		signal = AbortSignal.timeout(Math.max(1, end - now));
		deadlines.set(end, signal);
		signal.addEventListener('abort', () => deadlines.delete(end), { once: true });
	}
	return signal;
}

const combined = new WeakMap<AbortSignal, WeakMap<AbortSignal, AbortSignal>>();

/**
 * One signal for several; none when there are none. Made once per pair of signals (an
 * execution's cancel signal, a delivery's stop signal, a shared deadline), not once per request.
 */
export function anySignal(signals: Array<AbortSignal | undefined>): AbortSignal | undefined {
	const present = signals.filter((signal): signal is AbortSignal => signal !== undefined);
	if (present.length < 2) return present[0];
	const [first, ...rest] = present;
	const second = rest.length > 1 ? anySignal(rest)! : rest[0];
	return perPair(combined, first, second, () => AbortSignal.any([first, second]));
}
