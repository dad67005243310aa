import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import { errorItem } from '../helpers/errorItem';
import { nodeError } from '../../shared/nodeError';
import { botCredentials, existingDeliveryEngine, redact, redactDeep } from '../../shared/transport';

import { findOperation } from './index';
import type { OperationModule } from './types';

/**
 * Runs the chosen operation once per input item; with Continue On Fail a failed item becomes an
 * error item in its place. Operations throw the transport's BotApiFailure as it is: this is where
 * it becomes the n8n error (`nodeError`), with the item's index. Whatever an operation outputs or throws passes the token's redaction
 * here, so no operation (a local server's file path, a webhook URL with the token in it, a
 * method called by name) can hand the token to the next node or to n8n's database.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const secret = await tokenOf(this);
	try {
		return [(await runItems.call(this)).map((item) => redactItem(item, secret))];
	} catch (error) {
		throw redactError(error, secret);
	}
}

async function runItems(this: IExecuteFunctions): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operationName = this.getNodeParameter('operation', 0) as string;
	const operation = findOperation(resource, operationName)?.module;
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not known`,
		);
	}
	if (operation.concurrent) return await runConcurrently(this, operation, items.length);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await operation.execute.call(this, itemIndex)));
		} catch (error) {
			if (!this.continueOnFail()) throw nodeError(this.getNode(), error, itemIndex);
			output.push(errorItem(this.getNode(), error, itemIndex));
		}
	}
	return output;
}

/**
 * Starts every item at once, in input order (each queues its chats before its first await), and
 * gathers the results in input order. Without Continue On Fail the first failed item stops what
 * has not been sent yet and fails the run.
 */
async function runConcurrently(
	ctx: IExecuteFunctions,
	operation: OperationModule,
	count: number,
): Promise<INodeExecutionData[]> {
	const runs: Array<Promise<{ items: INodeExecutionData[] } | { error: unknown }>> = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		runs.push(
			operation.execute.call(ctx, itemIndex).then(
				(items) => ({ items }),
				(error: unknown) => ({ error }),
			),
		);
	}
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < count; itemIndex++) {
		const outcome = await runs[itemIndex];
		if ('items' in outcome) {
			output.push(...outcome.items);
			continue;
		}
		if (!ctx.continueOnFail()) {
			existingDeliveryEngine(ctx)?.stop();
			await Promise.all(runs);
			throw nodeError(ctx.getNode(), outcome.error, itemIndex);
		}
		output.push(errorItem(ctx.getNode(), outcome.error, itemIndex));
	}
	return output;
}

/** The token, or nothing when the credential cannot be read (the operation then fails on its own). */
async function tokenOf(ctx: IExecuteFunctions): Promise<string | undefined> {
	try {
		return (await botCredentials(ctx)).apiToken || undefined;
	} catch {
		return undefined;
	}
}

function redactItem(item: INodeExecutionData, secret: string | undefined): INodeExecutionData {
	const json = redactDeep(item.json, secret);
	if (!item.binary) return { ...item, json };
	const binary: IBinaryKeyData = {};
	for (const [key, data] of Object.entries(item.binary)) {
		binary[key] = {
			...data,
			...(data.fileName ? { fileName: redact(data.fileName, secret) } : {}),
			...(data.directory ? { directory: redact(data.directory, secret) } : {}),
		};
	}
	return { ...item, json, binary };
}

function redactError(error: unknown, secret: string | undefined, depth = 0): unknown {
	if (!(error instanceof Error)) return error;
	const described = error as Error & { description?: string | null; messages?: unknown };
	error.message = redact(error.message, secret);
	if (error.stack) error.stack = redact(error.stack, secret);
	if (typeof described.description === 'string')
		described.description = redact(described.description, secret);
	if (Array.isArray(described.messages))
		described.messages = described.messages.map((text) =>
			typeof text === 'string' ? redact(text, secret) : text,
		);
	// n8n stores an error's cause with the execution: a NodeOperationError made from a text keeps
	// that text, unredacted, as its cause.
	if (depth < 3) redactError(error.cause, secret, depth + 1);
	return error;
}
