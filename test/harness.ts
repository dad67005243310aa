/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only harness: real n8n-core contexts and a local HTTP server */
import { createReadStream } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';

import { Container } from '@n8n/di';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import {
	BinaryDataService,
	ExecuteContext,
	ExecutionLifecycleHooks,
	HookContext,
	LoadOptionsContext,
	TriggerContext,
	WebhookContext,
	WorkflowExecute,
} from 'n8n-core';
import {
	createEmptyRunExecutionData,
	ICredentialsHelper,
	Workflow,
	type ICredentialDataDecryptedObject,
	type ICredentials,
	type IBinaryData,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestOptions,
	type INode,
	type INodeExecutionData,
	type INodeParameters,
	type INodeType,
	type INodeTypes,
	type IRun,
	type ITriggerResponse,
	type IWorkflowExecuteAdditionalData,
	type WorkflowActivateMode,
} from 'n8n-workflow';

import { TelegramBotApi } from '../credentials/TelegramBotApi.credentials';
import { TelegramBot } from '../nodes/TelegramBot/TelegramBot.node';
import { TelegramBotPollingTrigger } from '../nodes/TelegramBotPollingTrigger/TelegramBotPollingTrigger.node';
import { TelegramBotTrigger } from '../nodes/TelegramBotTrigger/TelegramBotTrigger.node';
import { BotApiEmulator, DEFAULT_TOKEN, type EmulatorOptions } from './emulator/server';

/**
 * Runs our nodes the way n8n does: a Workflow, n8n-core's WorkflowExecute with its real
 * ExecuteContext (parameter and expression resolution, continueOnFail, httpRequestWithAuthentication
 * and the credential's authenticate), HookContext for webhook registration, WebhookContext for deliveries.
 */

export const ACTION_TYPE = 'n8n-nodes-telegram-bot.telegramBot';
export const TRIGGER_TYPE = 'n8n-nodes-telegram-bot.telegramBotTrigger';
export const POLLING_TYPE = 'n8n-nodes-telegram-bot.telegramBotPollingTrigger';

interface BinarySpec {
	text?: string;
	base64?: string;
	/** A file on disk, streamed into n8n's binary store. */
	path?: string;
	/** Binary data already in n8n's store (see storeBinary), handed on as it is. */
	stored?: IBinaryData;
	fileName?: string;
	mimeType?: string;
}

/** The workflow and execution every run of this harness belongs to. */
const WORKFLOW_ID = 'wf-test';
const EXECUTION_ID = 'exec-1';

/**
 * n8n's binary store on disk (filesystem mode), as a production instance runs it: binary data
 * then has an id and nodes can stream it. Without this call binary data stays in memory.
 */
export async function useFilesystemBinaryStore(): Promise<void> {
	await Container.get(BinaryDataService).init();
}

/**
 * Puts `content` in n8n's binary store outside any run, as an earlier node or execution would
 * have (a file read from disk, a form upload): the binary data to hand a run as
 * `$binary: { data: { stored } }`, so that the run itself only reads it.
 */
export async function storeBinary(
	content: Buffer | Readable,
	fileName: string,
	mimeType: string,
): Promise<IBinaryData> {
	const location = {
		type: 'execution',
		workflowId: WORKFLOW_ID,
		executionId: EXECUTION_ID,
	} as const;
	return await Container.get(BinaryDataService).store(location, content, {
		fileName,
		mimeType,
		data: '',
	});
}

/** Removes binary data from n8n's store (a benchmark's large files do not pile up on disk). */
export async function deleteBinary(binaries: Array<IBinaryData | undefined>): Promise<void> {
	const ids = binaries.flatMap((binary) => (binary?.id ? [binary.id] : []));
	await Container.get(BinaryDataService).deleteManyByBinaryDataId(ids);
}

/** Emits the items given in its `items` parameter: the input of the node under test. */
class ItemsSource implements INodeType {
	description = {
		displayName: 'Items',
		name: 'items',
		group: ['input'],
		version: 1,
		description: 'test input',
		defaults: { name: 'Items' },
		inputs: [],
		outputs: ['main'],
		properties: [{ displayName: 'Items', name: 'items', type: 'json', default: '[]' }],
	} as unknown as INodeType['description'];

	/** An entry's `$binary` becomes binary data: `{ data: { text | base64 | path | stored, fileName, mimeType } }`. */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		const items = JSON.parse(this.getNodeParameter('items', 0) as string) as IDataObject[];
		const output: INodeExecutionData[] = [];
		for (const { $binary, ...json } of items) {
			const item: INodeExecutionData = { json };
			for (const [name, spec] of Object.entries(($binary ?? {}) as Record<string, BinarySpec>)) {
				if (spec.stored) {
					item.binary = { ...item.binary, [name]: spec.stored };
					continue;
				}
				const content = spec.path
					? createReadStream(spec.path)
					: Buffer.from(spec.base64 ?? spec.text ?? '', spec.base64 ? 'base64' : 'utf8');
				item.binary = {
					...item.binary,
					[name]: await this.helpers.prepareBinaryData(content, spec.fileName, spec.mimeType),
				};
			}
			output.push(item);
		}
		return [output];
	}
}

const types: Record<string, INodeType> = {
	[ACTION_TYPE]: new TelegramBot(),
	[TRIGGER_TYPE]: new TelegramBotTrigger(),
	[POLLING_TYPE]: new TelegramBotPollingTrigger(),
	'test.items': new ItemsSource(),
};

const nodeTypes: INodeTypes = {
	getByName: (type) => types[type],
	getByNameAndVersion: (type) => types[type],
	getKnownTypes: () => ({}),
} as INodeTypes;

const credentialType = new TelegramBotApi();

let credentialReads = 0;

/** How many times n8n-core has asked n8n's credentials helper for a decrypted credential so far. */
export function credentialReadsSoFar(): number {
	return credentialReads;
}

export interface TestCredentials {
	serverUrl: string;
	apiToken: string;
}

class CredentialsHelper extends ICredentialsHelper {
	constructor(private readonly credentials: () => TestCredentials) {
		super();
	}

	getParentTypes(): string[] {
		return [];
	}

	isCredentialUsableByNode(): boolean {
		return true;
	}

	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		_type: string,
		options: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const authenticate = credentialType.authenticate as (
			c: ICredentialDataDecryptedObject,
			o: IHttpRequestOptions,
		) => Promise<IHttpRequestOptions>;
		return await authenticate(credentials, options);
	}

	async preAuthentication(): Promise<undefined> {
		return undefined;
	}

	async runPreAuthentication(): Promise<undefined> {
		return undefined;
	}

	async getCredentials(): Promise<ICredentials> {
		throw new Error('not used');
	}

	async getDecrypted(): Promise<ICredentialDataDecryptedObject> {
		// In n8n each of these is a database query, a decryption and the resolution of expressions.
		credentialReads++;
		return { ...this.credentials() } as unknown as ICredentialDataDecryptedObject;
	}

	async updateCredentials(): Promise<void> {}

	async updateCredentialsOauthTokenData(): Promise<void> {}

	getCredentialsProperties() {
		return credentialType.properties;
	}
}

export const WEBHOOK_BASE = 'http://127.0.0.1:5678/webhook';

export function additionalData(
	credentials: () => TestCredentials,
	extra: Partial<IWorkflowExecuteAdditionalData> = {},
): IWorkflowExecuteAdditionalData {
	return {
		credentialsHelper: new CredentialsHelper(credentials),
		executeWorkflow: async () => {
			throw new Error('not used');
		},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		webhookBaseUrl: WEBHOOK_BASE,
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		...extra,
	} as IWorkflowExecuteAdditionalData;
}

export function defaultCredentials(serverUrl: string): TestCredentials {
	return { serverUrl, apiToken: DEFAULT_TOKEN };
}

function telegramNode(
	type: string,
	parameters: INodeParameters,
	extra: Partial<INode> = {},
): INode {
	return {
		id: 'node-telegram',
		name: 'Telegram',
		type,
		typeVersion: 1,
		position: [200, 0],
		parameters,
		credentials: { telegramBotApi: { id: 'cred-1', name: 'Telegram Bot API' } },
		webhookId: 'hook-0001',
		...extra,
	};
}

export interface RunResult {
	/** The action node's output items (empty when it failed). */
	items: INodeExecutionData[];
	/** The run's error, serialised as n8n stores it. */
	error?: {
		message: string;
		description?: string;
		httpCode?: string;
		name?: string;
		[key: string]: unknown;
	};
	run: IRun;
}

/**
 * The action node's ExecuteContext over `input`, as WorkflowExecute makes it for a node with one
 * main input: for comparing what the node reads with what n8n itself resolves.
 */
export function actionContext(parameters: INodeParameters, input: IDataObject[]): IExecuteFunctions {
	const node = telegramNode(ACTION_TYPE, parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const items: INodeExecutionData[] = input.map((json) => ({ json }));
	return new ExecuteContext(
		workflow,
		node,
		additionalData(() => defaultCredentials('http://127.0.0.1:9')),
		'manual',
		createEmptyRunExecutionData(),
		0,
		items,
		{ main: [items] },
		{ node, data: { main: [items] }, source: null },
		[],
	);
}

/** Runs the action node once over `input` items, through n8n-core's WorkflowExecute. */
export async function runAction(
	credentials: TestCredentials,
	parameters: INodeParameters,
	input: IDataObject[] = [{}],
	options: {
		continueOnFail?: boolean;
		/** Stops the execution when it settles, as n8n's Stop button does (cancels WorkflowExecute's run). */
		cancel?: Promise<unknown>;
	} = {},
): Promise<RunResult> {
	const source: INode = {
		id: 'node-items',
		name: 'Items',
		type: 'test.items',
		typeVersion: 1,
		position: [0, 0],
		parameters: { items: JSON.stringify(input) },
	};
	const node = telegramNode(
		ACTION_TYPE,
		parameters,
		options.continueOnFail ? { onError: 'continueRegularOutput' } : {},
	);
	const workflowData = {
		id: WORKFLOW_ID,
		name: 'test',
		active: false,
		nodes: [source, node],
		connections: { Items: { main: [[{ node: 'Telegram', type: 'main' as const, index: 0 }]] } },
		settings: { executionOrder: 'v1' as const },
		createdAt: new Date(),
		updatedAt: new Date(),
		isArchived: false,
		activeVersionId: null,
	};
	const workflow = new Workflow({ ...workflowData, nodeTypes });
	const hooks = new ExecutionLifecycleHooks('manual', EXECUTION_ID, workflowData as never);
	const done = new Promise<IRun>((resolve) =>
		hooks.addHandler('workflowExecuteAfter', (run: IRun) => resolve(run)),
	);
	const data = additionalData(() => credentials, {
		hooks,
		executionId: EXECUTION_ID,
	} as Partial<IWorkflowExecuteAdditionalData>);
	try {
		const execution = new WorkflowExecute(data, 'manual').run({ workflow, startNode: source });
		void options.cancel?.then(() => execution.cancel());
		await execution;
	} catch (error) {
		// n8n refuses to start a workflow whose parameters fail validation (WorkflowHasIssuesError).
		return {
			items: [],
			error: error as RunResult['error'],
			run: { data: { resultData: { runData: {} } } } as unknown as IRun,
		};
	}
	const run = await done;
	const task = run.data.resultData.runData.Telegram?.[0];
	return {
		items: task?.data?.main?.[0] ?? [],
		error: (run.data.resultData.error ?? task?.error) as RunResult['error'],
		run,
	};
}

/**
 * One emulator for a test file: started before its tests, stopped after them, and before each
 * test its call log, the bot's webhook and its update queue are emptied.
 */
export function emulatorPerFile(options?: EmulatorOptions): BotApiEmulator {
	const emulator = new BotApiEmulator(options);
	beforeAll(async () => await emulator.start());
	afterAll(async () => await emulator.stop());
	beforeEach(() => {
		emulator.calls.length = 0;
		emulator.bot().webhook = { url: '' };
		emulator.bot().updates = [];
	});
	return emulator;
}

/** A workflow holding only the trigger under test, active, with the static data given. */
function triggerWorkflow(id: string, node: INode, staticData: IDataObject = {}): Workflow {
	return new Workflow({
		id,
		name: id,
		active: true,
		nodes: [node],
		connections: {},
		nodeTypes,
		staticData,
		settings: { executionOrder: 'v1' },
	});
}

/** A trigger node in a workflow of its own, with static data kept between calls like n8n does. */
export class TriggerUnderTest {
	readonly workflow: Workflow;
	readonly node: INode;
	private server?: Server;
	webhookUrl = `${WEBHOOK_BASE}/hook-0001/webhook`;

	constructor(
		private readonly credentials: TestCredentials,
		parameters: INodeParameters,
		readonly emitted: INodeExecutionData[][] = [],
	) {
		this.node = telegramNode(TRIGGER_TYPE, parameters);
		this.workflow = triggerWorkflow('wf-trigger', this.node);
	}

	/** The node's static data as n8n keeps it between activation and deliveries. */
	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/**
	 * Listens on 127.0.0.1 like n8n's webhook endpoint: each POST goes through WebhookContext to
	 * the node's webhook(); what it emits is collected in `emitted`.
	 */
	async listen(): Promise<string> {
		this.server = createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (chunk: Buffer) => chunks.push(chunk));
			req.on('end', () => void this.dispatch(req, res, Buffer.concat(chunks)));
		});
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		const base = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/webhook`;
		this.webhookUrl = `${base}/hook-0001/webhook`;
		this.baseUrl = base;
		return this.webhookUrl;
	}

	private baseUrl = WEBHOOK_BASE;

	async close(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private webhookData(data: IWorkflowExecuteAdditionalData) {
		return {
			httpMethod: 'POST',
			node: this.node.name,
			path: 'hook-0001/webhook',
			webhookDescription: this.trigger().description.webhooks![0],
			workflowId: 'wf-trigger',
			workflowExecuteAdditionalData: data,
			webhookId: 'hook-0001',
		};
	}

	/**
	 * A test listen ("Listen for test event") as n8n's TestWebhooks runs it: its own Workflow with
	 * empty static data (not the active workflow's), the `/webhook-test/` URL, mode `manual`.
	 */
	private testListen?: Workflow;

	private get testWorkflow(): Workflow {
		this.testListen ??= triggerWorkflow('wf-trigger', this.node);
		return this.testListen;
	}

	private hookContext(mode: 'trigger' | 'manual' = 'trigger'): HookContext {
		const data = additionalData(() => this.credentials, {
			webhookBaseUrl: this.baseUrl,
			webhookTestBaseUrl: this.baseUrl.replace(/\/webhook$/, '/webhook-test'),
		});
		const webhookData = { ...this.webhookData(data), isTest: mode === 'manual' };
		return new HookContext(
			mode === 'manual' ? this.testWorkflow : this.workflow,
			this.node,
			data,
			mode,
			mode === 'manual' ? 'manual' : 'activate',
			webhookData as never,
		);
	}

	private trigger(): TelegramBotTrigger {
		return types[TRIGGER_TYPE] as TelegramBotTrigger;
	}

	async checkExists(mode: 'trigger' | 'manual' = 'trigger'): Promise<boolean> {
		return await this.trigger().webhookMethods.default.checkExists.call(this.hookContext(mode));
	}

	/** What n8n does on activation, or on a test listen in `manual` mode: create unless it exists. */
	async activate(mode: 'trigger' | 'manual' = 'trigger'): Promise<void> {
		if (!(await this.checkExists(mode)))
			await this.trigger().webhookMethods.default.create.call(this.hookContext(mode));
	}

	/** Deactivation, or the end of a test listen in `manual` mode. */
	async deactivate(mode: 'trigger' | 'manual' = 'trigger'): Promise<boolean> {
		return await this.trigger().webhookMethods.default.delete.call(this.hookContext(mode));
	}

	private async dispatch(
		req: import('node:http').IncomingMessage,
		res: import('node:http').ServerResponse,
		raw: Buffer,
	): Promise<void> {
		let body: unknown = {};
		// n8n's body parser: JSON bodies parsed, anything unparsable left empty.
		try {
			body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
		} catch {
			body = {};
		}
		let status = 200;
		const response = {
			status(code: number) {
				status = code;
				return response;
			},
			json(payload: unknown) {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(payload));
				return response;
			},
			send(payload: unknown) {
				res.writeHead(status);
				res.end(typeof payload === 'string' ? payload : JSON.stringify(payload));
				return response;
			},
			end() {
				res.writeHead(status);
				res.end();
				return response;
			},
		};
		const data = additionalData(() => this.credentials, {
			httpRequest: {
				body,
				headers: req.headers,
				params: {},
				query: {},
				method: 'POST',
				url: req.url,
			} as never,
			httpResponse: response as never,
		});
		const webhookData = this.webhookData(data);
		// Like n8n 2.41's live webhooks: each request reads the workflow's static data as saved.
		// What the node changed is saved back only when the request started no execution: for one
		// that did, n8n's WorkflowRunner resets the change flag before the save (see
		// real-host-facts.md, "static data and queue mode"). Concurrent requests do not see each
		// other's changes.
		const request = triggerWorkflow(
			'wf-trigger',
			this.node,
			JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject,
		);
		const context = new WebhookContext(
			request,
			this.node,
			data,
			'webhook',
			webhookData as never,
			[],
			null,
		);
		try {
			const result = await this.trigger().webhook.call(context);
			if (request.staticData.__dataChanged && !result.workflowData) {
				const key = `node:${this.node.name}`;
				this.workflow.staticData[key] = request.staticData[key];
			}
			if (result.workflowData) this.emitted.push(...result.workflowData);
			if (!result.noWebhookResponse)
				response.status(200).json(result.webhookResponse ?? { message: 'Workflow was started' });
		} catch (error) {
			response.status(500).json({ message: (error as Error).message });
		}
	}
}

/**
 * The polling trigger as n8n's ActiveWorkflows runs it: trigger() with n8n-core's TriggerContext,
 * `emit` collected in `emitted` (one entry per execution n8n would start), `emitError` in
 * `errors`, and the close function called on deactivation.
 */
export class PollingTriggerUnderTest {
	readonly workflow: Workflow;
	readonly node: INode;
	readonly errors: Error[] = [];
	readonly logs: string[] = [];
	private response?: ITriggerResponse;
	private waiters: Array<() => void> = [];

	/** The static data as n8n last saved it: n8n saves a trigger's static data at each emit(). */
	saved: IDataObject = {};

	/** `staticData`: what n8n saved before, e.g. `saved` of an instance that crashed. */
	constructor(
		private readonly credentials: TestCredentials,
		parameters: INodeParameters,
		readonly emitted: INodeExecutionData[][] = [],
		staticData: IDataObject = {},
	) {
		this.node = telegramNode(POLLING_TYPE, parameters);
		this.workflow = triggerWorkflow('wf-polling', this.node, structuredClone(staticData));
	}

	get staticData(): IDataObject {
		return this.workflow.getStaticData('node', this.node);
	}

	/** Activation: resolves when trigger() returned (the poller runs on), rejects like n8n shows it. */
	async activate(
		mode: 'trigger' | 'manual' = 'trigger',
		/** Why n8n activates it: `init` at n8n's start, `activate` when a user does. */
		activation: WorkflowActivateMode = 'activate',
	): Promise<void> {
		const record = (level: string) => (message: string) => this.logs.push(`${level}: ${message}`);
		const logger = {
			debug: record('debug'),
			info: record('info'),
			warn: record('warn'),
			error: record('error'),
		};
		const context = new TriggerContext(
			this.workflow,
			this.node,
			additionalData(() => this.credentials),
			mode,
			activation,
			(data) => {
				this.saved = JSON.parse(JSON.stringify(this.workflow.staticData)) as IDataObject;
				this.emitted.push(...data);
				this.wake();
			},
			(error) => {
				this.errors.push(error);
				this.wake();
			},
		);
		Object.defineProperty(context, 'logger', { value: logger });
		this.response = await (types[POLLING_TYPE] as TelegramBotPollingTrigger).trigger.call(context);
	}

	async deactivate(): Promise<void> {
		await this.response?.closeFunction?.();
		this.response = undefined;
	}

	/** Resolves once `count` executions were emitted or an error was reported. */
	async until(count: number): Promise<void> {
		while (this.emitted.length < count && this.errors.length === 0) {
			await new Promise<void>((resolve) => this.waiters.push(resolve));
		}
	}

	private wake(): void {
		this.waiters.splice(0).forEach((wake) => wake());
	}
}

/** Runs a listSearch method through n8n-core's LoadOptionsContext. */
export async function listSearch(credentials: TestCredentials, method: string, filter?: string) {
	const node = telegramNode(ACTION_TYPE, { resource: 'message', operation: 'sendMessage' });
	const workflow = new Workflow({
		id: 'wf-lo',
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes,
	});
	const context = new LoadOptionsContext(
		workflow,
		node,
		additionalData(() => credentials),
		'chatId',
	);
	const search = (types[ACTION_TYPE] as TelegramBot).methods.listSearch[method as 'searchChats'];
	return await search.call(context as never, filter);
}
