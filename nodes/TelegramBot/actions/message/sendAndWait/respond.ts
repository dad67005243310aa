import type {
	IDataObject,
	IWebhookDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { DateTime } from 'luxon';

import {
	HANDLED_MARKER,
	linkOf,
	stateFragment,
	verifiedChoice,
	verifiedRelay,
	verifiedState,
	type Approval,
	type RequestMessage,
	type RequestState,
	type Waiter,
} from '../../../../shared/sendAndWait/reference';
import { botApiRequest, botCredentials } from '../../../../shared/transport';
import {
	approvalsOutput,
	emptyAnswer,
	isApprover,
	labelledButtons,
	valueOf,
	type Button,
	personOf,
	shownName,
	type Person,
} from './answer';

const OPERATION = 'Send and Wait for Response';

/**
 * `/webhook-waiting/<execution>/<node id>`: n8n checks its signature (the node's operation is
 * `sendAndWait`) and calls `respond` while the execution waits.
 */
export const SEND_AND_WAIT_WEBHOOKS: IWebhookDescription[] = (['GET', 'POST'] as const).map(
	(httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: '={{ $nodeId }}',
		restartWebhook: true,
		isFullPath: true,
	}),
);
export const NOT_APPROVER_TEXT = 'You are not an approver of this request';
const CLOSED_TEXT = 'This request is closed';

interface Entity {
	type: string;
	offset: number;
	length: number;
	url?: string;
}

interface Press {
	message: Omit<RequestMessage, 'entities'> & { entities?: Entity[] };
	from: Person;
	/** The callback query to answer; none for a reply. */
	queryId?: string;
}

/**
 * The waiting execution's end of Send and Wait: n8n calls this (the node's `webhook`) for every
 * request to its resume URL. A POST is an answer a trigger relayed from Telegram; a GET is a link
 * button opened in a browser (Answer With "Links to n8n"). Only a final answer resumes the
 * execution; anything else (a non-approver, one approval of several) is answered in the chat and
 * leaves it waiting.
 */
export async function respond(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const request = this.getRequestObject();
	if (request.method === 'GET') return linkAnswer(this);
	const { apiToken } = await botCredentials(this);
	const update = verifiedRelay(apiToken, this.getBodyData());
	if (!update) {
		this.getResponseObject().status(403).json({ error: 'not a relayed Telegram answer' });
		return { noWebhookResponse: true };
	}
	const callback = update.callback_query as IDataObject | undefined;
	const message = update.message as IDataObject | undefined;
	const press: Press | undefined = callback
		? {
				message: callback.message as Press['message'],
				from: callback.from as Person,
				queryId: callback.id as string,
			}
		: message
			? { message: message.reply_to_message as Press['message'], from: message.from as Person }
			: undefined;
	const link = press && linkOf(press.message);
	const waiter: Waiter = {
		executionId: this.getExecutionId(),
		nodeId: this.getNode().id,
		chatId: press?.message?.chat?.id ?? '',
	};
	const state =
		link && link.waiter.executionId === waiter.executionId && link.waiter.nodeId === waiter.nodeId
			? verifiedState(apiToken, waiter, link.fragment)
			: undefined;
	if (!press || !link || !state) return handled('invalid');

	const answer = new Answering(this, press, link.url, waiter, apiToken, state);
	if (state.deadline && Date.now() / 1000 > state.deadline) {
		await answer.toast(CLOSED_TEXT, true);
		return handled('closed');
	}
	if (!isApprover(this.getNodeParameter('approvers', '') as string, press.from)) {
		await answer.toast(NOT_APPROVER_TEXT, true);
		return handled('notApprover');
	}
	if (!callback) return await answer.freeText(String(message?.text ?? ''));
	const choice = verifiedChoice(apiToken, waiter, callback.data);
	if (!choice) return handled('invalid');
	if (state.kind === 'customButtons') return await answer.custom(choice);
	if (choice === 'd') return await answer.final({ approved: false }, '❌ Declined by', 'Declined');
	return await answer.approve();
}

/** The Custom Button a choice `c<index>` stands for. */
function chosenButton(ctx: IWebhookFunctions, choice: string): Button | undefined {
	return labelledButtons(ctx.getNodeParameter('buttons.button', []))[Number(choice.slice(1))];
}

function handled(outcome: string, json?: IDataObject): IWebhookResponseData {
	return {
		webhookResponse: { [HANDLED_MARKER]: outcome },
		...(json ? { workflowData: [[{ json }]] } : {}),
	};
}

class Answering {
	private readonly now = Math.floor(Date.now() / 1000);

	constructor(
		private readonly ctx: IWebhookFunctions,
		private readonly press: Press,
		private readonly url: string,
		private readonly waiter: Waiter,
		private readonly token: string,
		private readonly state: RequestState,
	) {}

	async approve(): Promise<IWebhookResponseData> {
		const { from } = this.press;
		const required = Number(this.ctx.getNodeParameter('approvalsRequired', 1)) || 1;
		const approvals = this.state.approvals;
		if (approvals.some((a) => a.id === from.id)) {
			await this.toast(`You approved already (${approvals.length} of ${required})`);
			return handled('duplicate');
		}
		const all: Approval[] = [
			...approvals,
			{ id: from.id, at: this.now, ...(from.username ? { username: from.username } : {}) },
		];
		if (all.length >= required) {
			return await this.final(
				{ approved: true, approvals: approvalsOutput(all) },
				'✅ Approved by',
				'Approved',
				all,
			);
		}
		// Not yet: the tally goes into the message, and into its link's state for the next press.
		const fragment = stateFragment(this.token, this.waiter, { ...this.state, approvals: all });
		const tally = `☑️ Approvals: ${all.length} of ${required} (${all.map(shownName).join(', ')})`;
		await this.edit(tally, `${this.url}#${fragment}`, true);
		await this.toast(`Your approval is recorded (${all.length} of ${required})`);
		return handled('recorded');
	}

	async custom(choice: string): Promise<IWebhookResponseData> {
		const button = chosenButton(this.ctx, choice);
		if (!button) return handled('invalid');
		return await this.final(
			{ approved: null, text: valueOf(button) },
			`☑️ “${button.label}” chosen by`,
			`Chosen: ${button.label}`,
		);
	}

	async freeText(text: string): Promise<IWebhookResponseData> {
		return await this.final({ approved: null, text }, '💬 Answered by', undefined);
	}

	/** Ends the request: the press answered, the message shows the outcome without buttons, the execution resumes. */
	async final(
		fields: IDataObject,
		outcome: string,
		toast: string | undefined,
		approvals: Approval[] = [],
	): Promise<IWebhookResponseData> {
		const { from, message } = this.press;
		const names = approvals.length ? approvals.map(shownName).join(' and ') : shownName(from);
		const at = DateTime.fromSeconds(this.now).setZone(this.ctx.getTimezone());
		await this.edit(`${outcome} ${names}, ${at.toFormat('HH:mm')}`, undefined, false);
		if (toast) await this.toast(toast);
		return handled('resumed', {
			...emptyAnswer(),
			...fields,
			respondedBy: personOf(from),
			respondedAt: at.toUTC().toISO(),
			chatId: message.chat?.id,
			messageId: message.message_id,
		});
	}

	async toast(text: string, alert = false): Promise<void> {
		if (!this.press.queryId) return;
		await this.quietly('answerCallbackQuery', {
			callback_query_id: this.press.queryId,
			text,
			show_alert: alert,
		});
	}

	/**
	 * The request's own text and entities as the message has them (so its markup stays), with the
	 * last status line replaced; the link's state updated when given. Without `keepButtons` the
	 * inline keyboard goes (editMessageText without reply_markup removes it).
	 */
	private async edit(line: string, link: string | undefined, keepButtons: boolean): Promise<void> {
		const { message } = this.press;
		const full = message.text ?? '';
		// A previous tally is the last paragraph; the request's own text ends before it.
		const end = this.state.approvals.length ? full.lastIndexOf('\n\n') : full.length;
		const text = full.slice(0, end < 0 ? full.length : end);
		const entities = (message.entities ?? [])
			.filter((e) => e.offset < text.length)
			.map((e) => ({
				...e,
				length: Math.min(e.length, text.length - e.offset),
				...(link && e.type === 'text_link' && e.url?.startsWith(this.url) ? { url: link } : {}),
			}));
		const body: IDataObject = {
			chat_id: message.chat?.id,
			message_id: message.message_id,
			text: `${text}\n\n${line}`,
			entities: entities as unknown as IDataObject[],
			link_preview_options: { is_disabled: true },
		};
		if (keepButtons) body.reply_markup = (message as IDataObject).reply_markup as IDataObject;
		await this.quietly('editMessageText', body);
	}

	/** The chat is told what it can be told; a failure there must not lose the answer. */
	private async quietly(method: string, body: IDataObject): Promise<void> {
		try {
			await botApiRequest(this.ctx, OPERATION, method, body);
		} catch (error) {
			this.ctx.logger.warn(`${OPERATION}: ${method} failed: ${(error as Error).message}`);
		}
	}
}

/** Answer With "Links to n8n": the signed link's choice (n8n checked its signature) resumes at once. */
function linkAnswer(ctx: IWebhookFunctions): IWebhookResponseData {
	const choice = String((ctx.getQueryData() as IDataObject).choice ?? '');
	const res = ctx.getResponseObject();
	if (!choice) {
		res
			.status(200)
			.send('This request is answered in Telegram, with the buttons under its message.');
		return { noWebhookResponse: true };
	}
	let fields: IDataObject;
	if (choice === 'a' || choice === 'd') fields = { approved: choice === 'a' };
	else {
		const button = chosenButton(ctx, choice);
		if (!button) {
			res.status(400).send('Unknown choice');
			return { noWebhookResponse: true };
		}
		fields = { approved: null, text: valueOf(button) };
	}
	res.status(200).send('Your answer was recorded. You can close this page.');
	return {
		noWebhookResponse: true,
		workflowData: [
			[{ json: { ...emptyAnswer(), ...fields, respondedAt: new Date().toISOString() } }],
		],
	};
}
