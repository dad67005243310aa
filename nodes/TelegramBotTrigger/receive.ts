import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { relayAnswer } from '../shared/sendAndWait/relay';
import { webhookLedger } from '../shared/updates/dedupe';
import { itemFor, readSettings } from '../shared/updates/pipeline';
import { secretMatches } from './secret';
import { updateTypeOf } from '../shared/updates/updateItem';

function refuse(ctx: IWebhookFunctions, status: number, description: string): IWebhookResponseData {
	ctx.getResponseObject().status(status).json({ ok: false, error_code: status, description });
	return { noWebhookResponse: true };
}

function isUpdate(body: unknown): body is IDataObject {
	return (
		!!body &&
		typeof body === 'object' &&
		!Array.isArray(body) &&
		Number.isInteger((body as IDataObject).update_id) &&
		updateTypeOf(body as IDataObject) !== null
	);
}

/**
 * One POST from Telegram: the secret first, then the body, then the filters. Anything that must
 * start nothing (filtered, seen before) is still answered 200, or Telegram would send it again.
 */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = this.getWorkflowStaticData('node').secretToken;
	const header = this.getHeaderData()['x-telegram-bot-api-secret-token'];
	if (!secretMatches(secret, header)) {
		return refuse(this, 403, 'Forbidden: missing or wrong X-Telegram-Bot-Api-Secret-Token');
	}
	const body = this.getBodyData();
	if (!isUpdate(body)) return refuse(this, 400, 'Bad Request: the body is not a Telegram update');

	// An answer to a waiting Send and Wait goes to its execution and starts no workflow.
	if (await relayAnswer(this, body)) return { webhookResponse: { ok: true } };
	const ledger = webhookLedger(secret as string);
	const item = await itemFor(this, body, readSettings(this), ledger);
	if (!item) return { webhookResponse: { ok: true } };
	// n8n starts the execution from this return value; nothing after it can fail.
	ledger.handedOver(body.update_id as number);
	return { workflowData: [[item]] };
}
