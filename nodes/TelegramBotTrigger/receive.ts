import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import { applyMapping, type FieldMappingEntry } from './fieldMapping';
import { secretMatches } from './secret';
import { defaultItem, updateTypeOf } from './updateItem';
import type { TriggerOptions } from './webhookLifecycle';

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

/** One POST from Telegram: check the secret first, then shape the update into one item. */
export async function receive(this: IWebhookFunctions): Promise<IWebhookResponseData> {
	const secret = this.getWorkflowStaticData('node').secretToken;
	const header = this.getHeaderData()['x-telegram-bot-api-secret-token'];
	if (!secretMatches(secret, header)) {
		return refuse(this, 403, 'Forbidden: missing or wrong X-Telegram-Bot-Api-Secret-Token');
	}
	const body = this.getBodyData();
	if (!isUpdate(body)) return refuse(this, 400, 'Bad Request: the body is not a Telegram update');

	const selected = this.getNodeParameter('updates', []) as string[];
	const type = updateTypeOf(body) as string;
	if (selected.length > 0 && !selected.includes('*') && !selected.includes(type)) {
		return { webhookResponse: { ok: true } };
	}
	const options = this.getNodeParameter('options', {}) as TriggerOptions;
	const mappings: FieldMappingEntry[] = options.fieldMapping?.mappings ?? [];
	const base = defaultItem(body);
	const json = mappings.length
		? applyMapping(base, body, mappings, options.fieldMappingMode ?? 'extend')
		: base;
	return { workflowData: [[{ json }]] };
}
