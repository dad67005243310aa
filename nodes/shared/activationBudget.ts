import type { IDataObject, IHookFunctions, ITriggerFunctions } from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { nodeError } from './nodeError';
import { botApiRequest, BotApiFailure, retryDelayMs } from './transport';

/**
 * How long a trigger's activation (or one webhook method) may talk to the Bot API. n8n abandons an
 * activation after about 84 s without telling the trigger (no abort signal reaches `trigger()` or
 * the webhook methods); a test listen should show an unreachable server within seconds, not after
 * the two minutes a workflow's call may wait for a server.
 */
export const ACTIVATION_BUDGET_MS = { production: 20_000, manual: 5_000 };

const FIRST_BACKOFF_MS = 250;
const MAX_BACKOFF_MS = 2_000;

/**
 * One deadline for every Bot API call an activation makes. A call is retried on what can pass
 * (429, 5xx, a refused or reset connection) while time is left, each attempt bounded by the
 * deadline; past it, the activation fails with the server's own last answer.
 */
export class ActivationBudget {
	private readonly budgetMs: number;
	private readonly deadline: number;

	constructor(private readonly ctx: IHookFunctions | ITriggerFunctions) {
		this.budgetMs =
			ctx.getMode() === 'manual' ? ACTIVATION_BUDGET_MS.manual : ACTIVATION_BUDGET_MS.production;
		this.deadline = Date.now() + this.budgetMs;
	}

	private get leftMs(): number {
		return this.deadline - Date.now();
	}

	/** Telegram's `result`, or the NodeApiError n8n shows for the activation. */
	async call<T = unknown>(operation: string, method: string, body: IDataObject = {}): Promise<T> {
		let last: BotApiFailure | undefined;
		let backoffMs = FIRST_BACKOFF_MS;
		for (let attempts = 0; ; ) {
			// Past the deadline a call still gets one short attempt, so a late step is not refused unheard.
			const timeoutMs = Math.max(1_000, this.leftMs);
			try {
				attempts++;
				// The transport's timeout bounds the whole call, so no attempt outlives the deadline.
				const answer = await botApiRequest<T>(this.ctx, operation, method, body, { timeoutMs });
				return answer.result;
			} catch (error) {
				if (!(error instanceof BotApiFailure) || !error.transient)
					throw nodeError(this.ctx.getNode(), error);
				// An attempt cut by the deadline says nothing new: the answer before it is the cause.
				if (this.leftMs > 0 || !last) last = error;
				const waitMs = retryDelayMs(error, backoffMs);
				if (waitMs >= this.leftMs) throw nodeError(this.ctx.getNode(), this.gaveUp(last, attempts));
				await sleep(waitMs);
				backoffMs = Math.min(backoffMs * 2, MAX_BACKOFF_MS);
			}
		}
	}

	private gaveUp(failure: BotApiFailure, attempts: number): BotApiFailure {
		const tries = attempts === 1 ? '1 attempt' : `${attempts} attempts`;
		return failure.withNote(
			`still failing after ${tries}; a trigger's activation waits ${Math.round(this.budgetMs / 1000)} s at most`,
		);
	}
}
