import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { updateDisplayOptions } from 'n8n-workflow';

import { optionsWithRetry } from '../descriptions/retryOption';
import { acknowledgeBotApi, callBotApi, type Upload } from '../../shared/transport';
import { callPolicy } from '../helpers/policy';
import type { OperationModule } from './types';

export interface CallSpec {
	resource: string;
	operation: string;
	label: string;
	method: string;
	properties: INodeProperties[];
	/** Options beyond the retry limit every operation has. */
	options?: INodeProperties[];
	body(
		ctx: IExecuteFunctions,
		itemIndex: number,
	): IDataObject | Promise<IDataObject> | Promise<{ body: IDataObject; uploads: Upload[] }>;
	/** Files the request uploads (the request becomes multipart): where the body refers to them. */
	uploads?: true;
	/**
	 * `result`: one item with Telegram's result; `each`: one item per element of a list result;
	 * `acknowledge`: `{ ok, description }` for methods that only answer true.
	 */
	output: 'result' | 'each' | 'acknowledge';
}

/** A Bot API method called once per item, one item after the other. */
export function callOperation(spec: CallSpec): OperationModule {
	const properties = [...spec.properties, optionsWithRetry(spec.options ?? [])];

	async function execute(
		this: IExecuteFunctions,
		itemIndex: number,
	): Promise<INodeExecutionData[]> {
		const prepared = await spec.body(this, itemIndex);
		const { body, uploads } = spec.uploads
			? (prepared as { body: IDataObject; uploads: Upload[] })
			: { body: prepared as IDataObject, uploads: [] };
		const call = { ...callPolicy(this, itemIndex), ...(uploads.length ? { uploads } : {}) };
		const paired = { item: itemIndex };
		if (spec.output === 'acknowledge') {
			const json = await acknowledgeBotApi(this, spec.label, spec.method, body, call);
			return [{ json, pairedItem: paired }];
		}
		const result = await callBotApi<unknown>(this, spec.label, spec.method, body, call);
		const list = spec.output === 'each' && Array.isArray(result) ? result : [result];
		return list.map((entry) => ({
			json: (entry !== null && typeof entry === 'object'
				? entry
				: { result: entry }) as IDataObject,
			pairedItem: paired,
		}));
	}

	return {
		label: spec.label,
		description: updateDisplayOptions(
			{ show: { resource: [spec.resource], operation: [spec.operation] } },
			properties,
		),
		execute,
	};
}
