import type { IBinaryKeyData, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';
import { NodeOperationError, sleep } from 'n8n-workflow';

import { errorItem } from '../helpers/errorItem';
import { nodeError } from '../../shared/nodeError';
import { botCredentials, existingDeliveryEngine, Redactor } from '../../shared/transport';

import { findOperation } from './index';
import type { OperationModule } from './types';
import { parameter } from '../../shared/parameters';

/**
 * Runs the chosen operation once per input item; with Continue On Fail a failed item becomes an
 * error item in its place. Operations throw the transport's BotApiFailure as it is: this is where
 * it becomes the n8n error (`nodeError`), with the item's index. Whatever an operation outputs or throws passes the token's redaction
 * here, so no operation (a local server's file path, a webhook URL with the token in it, a
 * method called by name) can hand the token to the next node or to n8n's database.
 */
export async function router(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const redactor = new Redactor(await tokenOf(this));
	try {
		return [await runItems.call(this, (item) => redactItem(item, redactor))];
	} catch (error) {
		throw redactError(error, redactor);
	}
}

/** What every output item passes before it leaves the node (the token's redaction). */
type Finish = (item: INodeExecutionData) => INodeExecutionData;

async function runItems(this: IExecuteFunctions, finish: Finish): Promise<INodeExecutionData[]> {
	const items = this.getInputData();
	const resource = parameter(this, 'resource', 0) as string;
	const operationName = parameter(this, 'operation', 0) as string;
	const operation = findOperation(resource, operationName)?.module;
	if (!operation) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operationName}" of "${resource}" is not known`,
		);
	}
	if (operation.concurrent) return await runConcurrently(this, operation, items.length, finish);
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...(await operation.execute.call(this, itemIndex)).map(finish));
		} catch (error) {
			if (!this.continueOnFail()) throw nodeError(this.getNode(), error, itemIndex);
			output.push(finish(errorItem(this.getNode(), error, itemIndex)));
		}
	}
	return output;
}

/**
 * Reading parameters runs on the event loop the sends need: this long at most before the sends
 * queued so far get their turn, so the first message leaves while later items are still read.
 */
const READING_SLICE_MS = 4;

/**
 * Starts every item, in input order (each queues its chats before its first await), and gathers
 * the results in input order. Items are read in slices of a few milliseconds with the event loop
 * free in between: a fan-out of thousands of items starts sending at once instead of after the
 * last item is read. Without Continue On Fail the first failed item stops what has not been sent
 * (or read) yet and fails the run.
 */
async function runConcurrently(
	ctx: IExecuteFunctions,
	operation: OperationModule,
	count: number,
	finish: Finish,
): Promise<INodeExecutionData[]> {
	const runs: Array<Promise<{ items: INodeExecutionData[] } | { error: unknown }>> = [];
	const stopOnFailure = !ctx.continueOnFail();
	let failed = false;
	let sliceStart = Date.now();
	for (let itemIndex = 0; itemIndex < count && !(failed && stopOnFailure); itemIndex++) {
		runs.push(
			operation.execute.call(ctx, itemIndex).then(
				// Finished as each item's sends are done, not all at the end of the run.
				(items) => ({ items: items.map(finish) }),
				(error: unknown) => {
					failed = true;
					return { error };
				},
			),
		);
		if (Date.now() - sliceStart >= READING_SLICE_MS) {
			await sleep(0);
			sliceStart = Date.now();
		}
	}
	const output: INodeExecutionData[] = [];
	for (const [itemIndex, run] of runs.entries()) {
		const outcome = await run;
		if ('items' in outcome) {
			output.push(...outcome.items);
			continue;
		}
		if (stopOnFailure) {
			existingDeliveryEngine(ctx)?.stop();
			await Promise.all(runs);
			throw nodeError(ctx.getNode(), outcome.error, itemIndex);
		}
		output.push(finish(errorItem(ctx.getNode(), outcome.error, itemIndex)));
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

function redactItem(item: INodeExecutionData, redactor: Redactor): INodeExecutionData {
	const json = redactor.deep(item.json);
	if (!item.binary) return { ...item, json };
	const binary: IBinaryKeyData = {};
	for (const [key, data] of Object.entries(item.binary)) {
		binary[key] = {
			...data,
			...(data.fileName ? { fileName: redactor.text(data.fileName) } : {}),
			...(data.directory ? { directory: redactor.text(data.directory) } : {}),
		};
	}
	return { ...item, json, binary };
}

function redactError(error: unknown, redactor: Redactor, depth = 0): unknown {
	if (!(error instanceof Error)) return error;
	const described = error as Error & { description?: string | null; messages?: unknown };
	error.message = redactor.text(error.message);
	if (error.stack) error.stack = redactor.text(error.stack);
	if (typeof described.description === 'string')
		described.description = redactor.text(described.description);
	if (Array.isArray(described.messages))
		described.messages = described.messages.map((text) =>
			typeof text === 'string' ? redactor.text(text) : text,
		);
	// n8n stores an error's cause with the execution: a NodeOperationError made from a text keeps
	// that text, unredacted, as its cause.
	if (depth < 3) redactError(error.cause, redactor, depth + 1);
	return error;
}
