import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { allowedUpdates } from '../TelegramBot/helpers/updateTypes';
import { botApiRequest, BotApiFailure, toNodeApiError } from '../TelegramBot/transport';
import { staticDataLedger } from '../TelegramBotTrigger/dedupe';
import { itemFor, type UpdateSettings } from '../TelegramBotTrigger/pipeline';

export interface PollerOptions {
	/** Seconds Telegram holds a getUpdates call open while there is nothing to deliver. */
	timeoutSeconds: number;
	/** Stop after the first update that starts an execution (a manual test run). */
	once: boolean;
}

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

/**
 * Long-polls getUpdates. An update is confirmed (the next call's offset passes it) only after it
 * was handed to n8n, so a crash or a stop loses nothing: what was not emitted comes again.
 */
export class UpdatePoller {
	private readonly abort = new AbortController();
	private loop: Promise<void> = Promise.resolve();
	/** The next update_id wanted: everything below it was handed to n8n. */
	private offset: number | undefined;
	/** The offset Telegram has seen in a call that was answered. */
	private confirmed: number | undefined;
	private backoffMs = BACKOFF_MS.first;
	/** When the polls started failing, with no answer since. */
	private failingSince: number | undefined;

	constructor(
		private readonly ctx: ITriggerFunctions,
		private readonly settings: UpdateSettings,
		private readonly options: PollerOptions,
	) {}

	start(): void {
		// The loop runs detached from n8n: anything unforeseen goes to n8n as the trigger's error
		// rather than becoming an unhandled rejection.
		this.loop = this.run().catch((error: unknown) => {
			this.abort.abort();
			this.ctx.emitError(error instanceof Error ? error : new Error(String(error)));
		});
	}

	/** Aborts the call in flight, waits for the loop, then confirms what was emitted. */
	async stop(): Promise<void> {
		this.abort.abort();
		await this.loop;
		if (this.offset === undefined || this.offset === this.confirmed) return;
		try {
			// n8n waits for this on deactivation and on shutdown: a hanging server may not hold either.
			await botApiRequest(
				this.ctx,
				OPERATION,
				'getUpdates',
				{ offset: this.offset, limit: 1, timeout: 0 },
				{ timeoutMs: CONFIRM_TIMEOUT_MS },
			);
		} catch (error) {
			this.ctx.logger.warn(
				`Telegram Bot Polling Trigger: could not confirm the last updates, they may come again: ${(error as Error).message}`,
			);
		}
	}

	private get stopped(): boolean {
		return this.abort.signal.aborted;
	}

	private async run(): Promise<void> {
		while (!this.stopped) {
			let updates: IDataObject[];
			try {
				updates = await this.poll();
			} catch (error) {
				if (this.stopped || !(await this.recover(error))) return;
				continue;
			}
			for (const update of updates) {
				if (this.stopped) return;
				const id = update.update_id as number;
				// Telegram hands back only what is not confirmed; this guards against a server that does not.
				if (this.offset !== undefined && id < this.offset) continue;
				const ledger = staticDataLedger(this.ctx.getWorkflowStaticData('node'));
				const item = await itemFor(this.ctx, update, this.settings, ledger);
				if (item) {
					// Recorded just before emit(): n8n saves the static data at emit, this ID with it.
					ledger.handedOver(id);
					this.ctx.emit([[item]]);
				}
				this.offset = id + 1;
				if (item && this.options.once) {
					this.abort.abort();
					return;
				}
			}
		}
	}

	private async poll(): Promise<IDataObject[]> {
		const body: IDataObject = {
			timeout: this.options.timeoutSeconds,
			limit: 100,
			allowed_updates: allowedUpdates(this.settings.filters.types) ?? [],
		};
		if (this.offset !== undefined) body.offset = this.offset;
		const answer = await botApiRequest<IDataObject[]>(this.ctx, OPERATION, 'getUpdates', body, {
			signal: this.abort.signal,
			// Telegram answers after `timeout` seconds at the latest; past that the connection is dead.
			timeoutMs: (this.options.timeoutSeconds + 10) * 1000,
		});
		this.confirmed = this.offset;
		this.backoffMs = BACKOFF_MS.first;
		this.failingSince = undefined;
		return Array.isArray(answer.result) ? answer.result : [];
	}

	/**
	 * Waits out what can pass (flood control, server trouble, a garbled answer, another poller for
	 * a while) and returns true: a poll is safe to repeat, the offset says what is confirmed. Hands
	 * n8n what waiting cannot mend (a revoked token, a refused request, a webhook set meanwhile) or
	 * what lasted past FAILING_LIMIT_MS, and returns false: n8n then deactivates the trigger, shows
	 * the message, runs the error workflow and activates the trigger again.
	 */
	private async recover(error: unknown): Promise<boolean> {
		const failure = error instanceof BotApiFailure ? error : undefined;
		const status = failure?.status ?? null;
		const webhookSet = status === 409 && /webhook/i.test(failure?.description ?? '');
		if (failure && (webhookSet || FATAL_STATUSES.includes(status ?? 0))) {
			this.ctx.emitError(toNodeApiError(this.ctx.getNode(), failure));
			return false;
		}
		this.failingSince ??= Date.now();
		const limitMs =
			this.ctx.getMode() === 'manual' ? FAILING_LIMIT_MS.manual : FAILING_LIMIT_MS.production;
		if (Date.now() - this.failingSince >= limitMs) {
			this.ctx.emitError(this.failedFor(error, Date.now() - this.failingSince));
			return false;
		}
		const { waitMs, note } = this.waitAfter(failure);
		this.ctx.logger.warn(
			`Telegram Bot Polling Trigger: ${(error as Error).message}; polling again in ${Math.round(waitMs / 100) / 10} s${note}`,
		);
		try {
			await sleep(waitMs, this.abort.signal);
		} catch {
			return false;
		}
		return true;
	}

	/**
	 * Every wait is bounded both ways: `retry_after` is used only when it is a positive number of
	 * seconds, and never longer than MAX_WAIT_MS; anything else waits the back-off, at least
	 * BACKOFF_MS.first, so no answer can make the poller spin.
	 */
	private waitAfter(failure: BotApiFailure | undefined): { waitMs: number; note: string } {
		const retryAfter = Number(failure?.parameters.retry_after);
		if (failure?.status === 429 && Number.isFinite(retryAfter) && retryAfter > 0) {
			const askedMs = retryAfter * 1000;
			if (askedMs <= MAX_WAIT_MS) return { waitMs: Math.max(askedMs, 1000), note: '' };
			return {
				waitMs: MAX_WAIT_MS,
				note: ` (the server asked for ${retryAfter} s; this trigger waits ${MAX_WAIT_MS / 1000} s at most)`,
			};
		}
		const waitMs = this.backoffMs;
		this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MS.max);
		return { waitMs, note: '' };
	}

	/** The last cause, saying how long polling failed: the message n8n shows for the trigger. */
	private failedFor(error: unknown, failingMs: number): Error {
		const seconds = Math.round(failingMs / 1000);
		const span = seconds >= 120 ? `${Math.round(seconds / 60)} minutes` : `${seconds} s`;
		if (!(error instanceof BotApiFailure))
			return error instanceof Error ? error : new Error(String(error));
		const note = `polling has failed for ${span} without an answer`;
		return toNodeApiError(this.ctx.getNode(), error.withNote(note));
	}
}
