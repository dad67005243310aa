import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { allowedUpdates } from '../TelegramBot/helpers/updateTypes';
import { botApiRequest, BotApiFailure, toNodeApiError } from '../TelegramBot/transport';
import { itemFor, type UpdateSettings } from '../TelegramBotTrigger/pipeline';

export interface PollerOptions {
	/** Seconds Telegram holds a getUpdates call open while there is nothing to deliver. */
	timeoutSeconds: number;
	/** Stop after the first update that starts an execution (a manual test run). */
	once: boolean;
}

/** Back-off after a failed poll: doubles from the first to the last value. */
export const BACKOFF_MS = { first: 250, max: 30_000 };

const OPERATION = 'Poll Updates';

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
			await botApiRequest(this.ctx, OPERATION, 'getUpdates', {
				offset: this.offset,
				limit: 1,
				timeout: 0,
			});
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
				const item = await itemFor(this.ctx, update, this.settings);
				if (item) this.ctx.emit([[item]]);
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
		return Array.isArray(answer.result) ? answer.result : [];
	}

	/**
	 * Waits out what can pass (flood control, server trouble, a garbled answer, another poller for
	 * a while) and returns true: a poll is safe to repeat, the offset says what is confirmed. Hands
	 * n8n what waiting cannot mend (a revoked token, a refused request, a webhook set meanwhile) and
	 * returns false: n8n then deactivates the workflow, shows the message and retries the activation.
	 */
	private async recover(error: unknown): Promise<boolean> {
		const failure = error instanceof BotApiFailure ? error : undefined;
		const status = failure?.status ?? null;
		const webhookSet = status === 409 && /webhook/i.test(failure?.description ?? '');
		if (failure && (webhookSet || FATAL_STATUSES.includes(status ?? 0))) {
			this.ctx.emitError(toNodeApiError(this.ctx.getNode(), failure));
			return false;
		}
		const waitMs =
			failure?.status === 429
				? Math.max(1, failure.parameters.retry_after ?? 1) * 1000
				: this.backoffMs;
		if (failure?.status !== 429) this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MS.max);
		this.ctx.logger.warn(
			`Telegram Bot Polling Trigger: ${(error as Error).message}; polling again in ${Math.round(waitMs / 100) / 10} s`,
		);
		try {
			await sleep(waitMs, this.abort.signal);
		} catch {
			return false;
		}
		return true;
	}
}
