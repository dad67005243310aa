import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { triggerAllowedUpdates, unionOfAllowedUpdates } from '../shared/updates/updateTypes';
import { nodeError } from '../shared/nodeError';
import { botApiRequest, BotApiFailure, botKey, retryDelayMs } from '../shared/transport';
import { staticDataLedger } from '../shared/updates/dedupe';
import { relayAnswer } from '../shared/sendAndWait/relay';
import { itemFor, type UpdateSettings } from '../shared/updates/pipeline';

export interface PollerOptions {
	/** Seconds Telegram holds a getUpdates call open while there is nothing to deliver. */
	timeoutSeconds: number;
	/** Leave the stream after the first update that starts an execution (a test listen). */
	once: boolean;
}

/**
 * At n8n's start (or when this main becomes the leader) n8n activates its workflows one after
 * another: a stream polling at once would confirm a backlog that a polling workflow activated a
 * moment later was waiting for. Its first poll waits until no trigger joined for `quiet`, `max` at most.
 */
export const STARTUP_GATHER_MS = { quiet: 5_000, max: 60_000 };
const STARTUP_MODES = ['init', 'leadershipChange'];

/** Back-off after a failed poll: doubles from the first to the last value. */
export const BACKOFF_MS = { first: 250, max: 30_000 };

/**
 * The longest single wait, whatever `retry_after` says: a value past the timer limit (about
 * 24.8 days) would fire at once, and no flood wait is worth a silent trigger for hours.
 */
export const MAX_WAIT_MS = 300_000;

/**
 * Continuous failure after which n8n is told (emitError with the last cause): n8n then shows the
 * error, runs the error workflow and activates the trigger again. A test listen is told at once.
 */
export const FAILING_LIMIT_MS = { production: 600_000, manual: 5_000 };

const OPERATION = 'Poll Updates';

/** The last confirmation on stop; what it cannot confirm comes again and starts nothing. */
export const CONFIRM_TIMEOUT_MS = 5_000;

/** Answers no wait can mend: bad request, token revoked or wrong, bot blocked. */
const FATAL_STATUSES = [400, 401, 403, 404];

/** One active trigger (a workflow, or a test listen) on a bot's shared stream. */
interface Subscriber {
	readonly ctx: ITriggerFunctions;
	readonly settings: UpdateSettings;
	readonly options: PollerOptions;
	/** Its `allowed_updates` as sent alone. */
	readonly allowed: string[];
}

/** A trigger's handle on its bot's stream; `stop` is its closeFunction. */
export interface Subscription {
	stop(): Promise<void>;
}

/**
 * The streams of this n8n process, one per bot: Telegram hands a bot's updates to one getUpdates
 * caller at a time (a second one gets 409 "terminated by other getUpdates request"), so every
 * polling trigger on the bot shares one. Keyed by `botKey`, a hash, never the token.
 */
const streams = new Map<string, UpdateStream>();
/** Streams whose last subscriber left, until their last confirmation is done: a new stream on the bot waits for it and goes on from its offset. */
const stopping = new Map<string, Promise<number | undefined>>();

/** Joins the bot's stream, starting it when this is the bot's first active polling trigger. */
export async function subscribe(
	ctx: ITriggerFunctions,
	settings: UpdateSettings,
	options: PollerOptions,
): Promise<Subscription> {
	const key = await botKey(ctx);
	let stream = streams.get(key);
	if (!stream) {
		stream = new UpdateStream(key);
		streams.set(key, stream);
	}
	const subscriber: Subscriber = {
		ctx,
		settings,
		options,
		allowed: triggerAllowedUpdates(settings.filters.types) ?? [],
	};
	const joined = stream;
	joined.add(subscriber);
	return { stop: async () => await joined.remove(subscriber) };
}

/** Whether another polling trigger of this process is polling the bot right now. */
export async function botIsPolled(ctx: ITriggerFunctions): Promise<boolean> {
	return streams.has(await botKey(ctx));
}

/**
 * Long-polls getUpdates for every polling trigger on one bot in this process and hands each
 * update to each subscriber whose filters it passes (its own update types, chats, users,
 * commands). An update is confirmed (the next call's offset passes it) only after every
 * subscriber it belongs to had it handed to n8n, so a crash or a stop loses nothing: what was not
 * emitted comes again.
 *
 * Whose static data: each subscriber records the updates it was handed in its own workflow's
 * static data (n8n saves it at that workflow's `emit()`), so after a crash each workflow skips
 * only what it had itself. The offset belongs to no workflow: it lives in this stream (and, once
 * confirmed, at Telegram), because any subscriber may leave while the others go on.
 */
class UpdateStream {
	private readonly subscribers = new Set<Subscriber>();
	/** Set when the stream ends: its last subscriber left, or n8n was told it failed. */
	private readonly abort = new AbortController();
	/** The getUpdates call in flight, aborted to ask again when a subscriber widens the update types. */
	private call: AbortController | undefined;
	private asked: string[] = [];
	private refreshing = false;
	/** The context requests go out with: any subscriber's, they share server and token. */
	private ctx!: ITriggerFunctions;
	/** Settles, with the offset reached, once the loop ended and the last confirmation was tried. */
	private closed: Promise<number | undefined> | undefined;
	/** The next update_id wanted: everything below it was handed to every subscriber it belongs to. */
	private offset: number | undefined;
	/** The offset Telegram has seen in a call that was answered. */
	private confirmed: number | undefined;
	private backoffMs = BACKOFF_MS.first;
	/** When the polls started failing, with no answer since. */
	private failingSince: number | undefined;
	private lastJoinAt = Date.now();

	constructor(private readonly key: string) {}

	add(subscriber: Subscriber): void {
		this.subscribers.add(subscriber);
		this.ctx = subscriber.ctx;
		this.lastJoinAt = Date.now();
		this.note(subscriber, 'joined');
		if (!this.closed) {
			this.closed = this.runToEnd();
			return;
		}
		if (this.call && !sameList(this.allowedUpdates(), this.asked)) {
			// A long poll holds up to 50 s: without asking again, the new types would wait for it.
			this.refreshing = true;
			this.call.abort();
		}
	}

	/** Leaves the stream; the last one out stops it and waits for its last confirmation. */
	async remove(subscriber: Subscriber): Promise<void> {
		this.drop(subscriber);
		if (this.subscribers.size === 0) await this.closed;
	}

	private drop(subscriber: Subscriber): void {
		if (!this.subscribers.delete(subscriber)) return;
		this.note(subscriber, 'left');
		const next = this.subscribers.values().next();
		if (!next.done) {
			this.ctx = next.value.ctx;
			return;
		}
		this.retire();
		this.abort.abort();
		this.call?.abort();
	}

	/** Who polls the bot, in n8n's debug log: several workflows on one bot are otherwise invisible. */
	private note(subscriber: Subscriber, change: 'joined' | 'left'): void {
		const { ctx } = subscriber;
		const who = ctx.getMode() === 'manual' ? 'a test listen of workflow' : 'workflow';
		ctx.logger.debug(
			`Telegram Bot Polling Trigger: ${who} ${ctx.getWorkflow().id ?? ''} ${change} the bot's update stream; ${this.subscribers.size} polling it now`,
		);
	}

	/** Out of the registry: the next trigger on the bot starts a new stream, after this one's confirmation. */
	private retire(): void {
		if (streams.get(this.key) !== this) return;
		streams.delete(this.key);
		const closed = this.closed ?? Promise.resolve(this.offset);
		stopping.set(this.key, closed);
		void closed.then(() => {
			if (stopping.get(this.key) === closed) stopping.delete(this.key);
		});
	}

	private get stopped(): boolean {
		return this.abort.signal.aborted;
	}

	private async runToEnd(): Promise<number | undefined> {
		const previous = stopping.get(this.key);
		if (previous) this.offset = await previous;
		try {
			if (STARTUP_MODES.includes(this.ctx.getActivationMode())) await this.gather();
			await this.run();
		} catch (error) {
			// Anything unforeseen goes to n8n as each trigger's error rather than becoming an unhandled rejection.
			const cause = error instanceof Error ? error : new Error(String(error));
			for (const subscriber of this.subscribers) subscriber.ctx.emitError(cause);
		}
		this.retire();
		this.abort.abort();
		await this.confirm();
		return this.offset;
	}

	/** Waits, at n8n's start, for the other polling triggers on the bot to join before the first poll. */
	private async gather(): Promise<void> {
		const started = Date.now();
		while (!this.stopped) {
			const now = Date.now();
			const waitMs = Math.min(
				this.lastJoinAt + STARTUP_GATHER_MS.quiet - now,
				started + STARTUP_GATHER_MS.max - now,
			);
			if (waitMs <= 0) return;
			try {
				await sleep(waitMs, this.abort.signal);
			} catch {
				return;
			}
		}
	}

	/** Confirms what was emitted; n8n waits for this on deactivation and on shutdown, so it is bounded. */
	private async confirm(): Promise<void> {
		if (this.offset === undefined || this.offset === this.confirmed) return;
		try {
			await botApiRequest(
				this.ctx,
				OPERATION,
				'getUpdates',
				{ offset: this.offset, limit: 1, timeout: 0 },
				{ timeoutMs: CONFIRM_TIMEOUT_MS },
			);
			this.confirmed = this.offset;
		} catch (error) {
			this.ctx.logger.warn(
				`Telegram Bot Polling Trigger: could not confirm the last updates, they may come again: ${(error as Error).message}`,
			);
		}
	}

	private async run(): Promise<void> {
		while (!this.stopped) {
			let updates: IDataObject[];
			try {
				updates = await this.poll();
			} catch (error) {
				if (this.stopped) return;
				if (this.refreshing) continue;
				if (!(await this.recover(error))) return;
				continue;
			}
			for (const update of updates) {
				if (this.stopped) return;
				const id = update.update_id as number;
				// Telegram hands back only what is not confirmed; this guards against a server that does not.
				if (this.offset !== undefined && id < this.offset) continue;
				// An answer to a waiting Send and Wait goes to its execution, once, and starts no workflow.
				if (!(await relayAnswer(this.ctx, update)))
					await Promise.all([...this.subscribers].map((each) => this.handOver(each, update)));
				this.offset = id + 1;
			}
		}
	}

	/** The update to one subscriber, if its filters let it through and it does not have it already. */
	private async handOver(subscriber: Subscriber, update: IDataObject): Promise<void> {
		const { ctx } = subscriber;
		const ledger = staticDataLedger(ctx.getWorkflowStaticData('node'));
		const item = await itemFor(ctx, update, subscriber.settings, ledger);
		// A test listen that got its update meanwhile is gone: the next one is not its.
		if (!item || !this.subscribers.has(subscriber)) return;
		// Recorded just before emit(): n8n saves the static data at emit, this ID with it.
		ledger.handedOver(update.update_id as number);
		ctx.emit([[item]]);
		if (subscriber.options.once) this.drop(subscriber);
	}

	/** Every type any subscriber wants; each one's filters then keep its own. */
	private allowedUpdates(): string[] {
		return unionOfAllowedUpdates([...this.subscribers].map((each) => each.allowed));
	}

	private async poll(): Promise<IDataObject[]> {
		// The shortest hold any subscriber asked for: a test listen's stop then waits no longer than it would alone.
		const timeoutSeconds = Math.min(
			...[...this.subscribers].map((each) => each.options.timeoutSeconds),
		);
		this.asked = this.allowedUpdates();
		this.refreshing = false;
		const call = new AbortController();
		this.call = call;
		const body: IDataObject = { timeout: timeoutSeconds, limit: 100, allowed_updates: this.asked };
		if (this.offset !== undefined) body.offset = this.offset;
		try {
			const answer = await botApiRequest<IDataObject[]>(this.ctx, OPERATION, 'getUpdates', body, {
				signal: call.signal,
				// Telegram answers after `timeout` seconds at the latest; past that the connection is dead.
				timeoutMs: (timeoutSeconds + 10) * 1000,
			});
			this.confirmed = this.offset;
			this.backoffMs = BACKOFF_MS.first;
			this.failingSince = undefined;
			return Array.isArray(answer.result) ? answer.result : [];
		} finally {
			this.call = undefined;
		}
	}

	/**
	 * Waits out what can pass (flood control, server trouble, a garbled answer, another poller for
	 * a while) and returns true: a poll is safe to repeat, the offset says what is confirmed. Tells
	 * every subscriber what waiting cannot mend (a revoked token, a refused request, a webhook set
	 * meanwhile), and each subscriber on its own when the failure lasted past its FAILING_LIMIT_MS;
	 * returns false when nobody is left. n8n then deactivates that trigger, shows the message, runs
	 * the error workflow and activates the trigger again.
	 */
	private async recover(error: unknown): Promise<boolean> {
		const failure = error instanceof BotApiFailure ? error : undefined;
		const status = failure?.status ?? null;
		const webhookSet = status === 409 && /webhook/i.test(failure?.description ?? '');
		if (failure && (webhookSet || FATAL_STATUSES.includes(status ?? 0))) {
			for (const { ctx } of this.subscribers) ctx.emitError(nodeError(ctx.getNode(), failure));
			return false;
		}
		const now = Date.now();
		this.failingSince ??= now;
		const failingMs = now - this.failingSince;
		for (const subscriber of [...this.subscribers]) {
			if (failingMs < limitOf(subscriber)) continue;
			subscriber.ctx.emitError(failedFor(subscriber.ctx, error, failingMs));
			this.drop(subscriber);
		}
		if (this.stopped) return false;
		const { waitMs, note } = this.waitAfter(failure);
		// Never past the moment the next subscriber is to be told.
		const nextLimitMs = Math.min(...[...this.subscribers].map(limitOf)) - failingMs;
		const boundedMs = Math.max(Math.min(waitMs, nextLimitMs), BACKOFF_MS.first);
		this.ctx.logger.warn(
			`Telegram Bot Polling Trigger: ${(error as Error).message}; polling again in ${Math.round(boundedMs / 100) / 10} s${note}`,
		);
		try {
			await sleep(boundedMs, this.abort.signal);
		} catch {
			return false;
		}
		return true;
	}

	/**
	 * The transport's wait (a 429's `retry_after`, else the back-off, at least BACKOFF_MS.first so
	 * no answer can make the poller spin), never longer than MAX_WAIT_MS.
	 */
	private waitAfter(failure: BotApiFailure | undefined): { waitMs: number; note: string } {
		const waitMs = failure ? retryDelayMs(failure, this.backoffMs) : this.backoffMs;
		if (failure?.status !== 429) this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MS.max);
		if (waitMs <= MAX_WAIT_MS) return { waitMs, note: '' };
		return {
			waitMs: MAX_WAIT_MS,
			note: ` (the server asked for ${waitMs / 1000} s; this trigger waits ${MAX_WAIT_MS / 1000} s at most)`,
		};
	}
}

function sameList(a: string[], b: string[]): boolean {
	return a.length === b.length && a.every((entry, index) => entry === b[index]);
}

/** How long a subscriber waits through failing polls before n8n is told: a test listen, briefly. */
function limitOf({ ctx }: Subscriber): number {
	return ctx.getMode() === 'manual' ? FAILING_LIMIT_MS.manual : FAILING_LIMIT_MS.production;
}

/** The last cause, saying how long polling failed: the message n8n shows for the trigger. */
function failedFor(ctx: ITriggerFunctions, error: unknown, failingMs: number): Error {
	const seconds = Math.round(failingMs / 1000);
	const span = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} s`;
	if (!(error instanceof BotApiFailure))
		return error instanceof Error ? error : new Error(String(error));
	const note = `polling has failed for ${span} without an answer`;
	return nodeError(ctx.getNode(), error.withNote(note));
}
