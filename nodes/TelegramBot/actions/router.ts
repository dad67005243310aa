import type { IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import * as bot from './bot';
import * as message from './message';
import type { OperationModule } from './types';
import * as update from './update';
import * as webhook from './webhook';

const resources: Record<string, Record<string, OperationModule>> = {
	bot: bot.operations,
	message: message.operations,
	update: update.operations,
	webhook: webhook.operations,
};

/** Runs the chosen operation once per input item; with Continue On Fail a failed item becomes an error item in its place. */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = resources[resource]?.[operationName];
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not known`,
		);
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await operation.execute.call(this, itemIndex)));
		} catch (error) {
			if (!this.continueOnFail()) throw asNodeError(this, error, itemIndex);
			output.push(
				errorItem(error as Error & { description?: string; httpCode?: string }, itemIndex),
			);
		}
	}
	return [output];
}

function errorItem(
	error: Error & { description?: string | null; httpCode?: string | null },
	itemIndex: number,
): INodeExecutionData {
	return {
		json: {
			error: error.message,
			...(error.description ? { description: error.description } : {}),
			...(error.httpCode ? { httpCode: Number(error.httpCode) } : {}),
		},
		pairedItem: { item: itemIndex },
	};
}

function asNodeError(
	ctx: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(ctx.getNode(), error as Error, { itemIndex });
}
