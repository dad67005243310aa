import { ExecuteContext, RoutingNode } from 'n8n-core';
import {
	createEmptyRunExecutionData,
	Workflow,
	type INode,
	type INodeCredentialTestResult,
	type INodeType,
	type INodeTypes,
} from 'n8n-workflow';

import { TelegramBotApi } from '../credentials/TelegramBotApi.credentials';
import { additionalData, type TestCredentials } from './harness';

/**
 * "Test" in the credential dialog, step for step as n8n 2.41.1 runs a credential's declarative
 * `test` (`CredentialsTester.runRequestTest` in
 * `.n8n-runtime/node_modules/n8n/dist/services/credentials-tester.service.js`): a temporary node
 * whose only property routes the test request, run by n8n-core's RoutingNode in a real
 * ExecuteContext (httpRequestWithAuthentication, the credential's authenticate), then the same
 * mapping of the outcome to an answer. The REST end-to-end test checks the real thing.
 */
export async function testCredentialAsN8nDoes(
	credentials: TestCredentials,
): Promise<INodeCredentialTestResult> {
	const { test } = new TelegramBotApi();
	const nodeType = {
		description: {
			displayName: 'Temp',
			name: 'test.credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: { name: 'Temp-Node' },
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: 'telegramBotApi', required: true }],
			properties: [
				{
					displayName: 'Temp',
					name: 'temp',
					type: 'string',
					routing: { request: test!.request },
					default: '',
				},
			],
		},
	} as unknown as INodeType;
	const node: INode = {
		id: 'temp',
		name: 'Temp-Node',
		type: 'test.credentialTest',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: { telegramBotApi: { id: '', name: 'Unsaved' } },
	};
	const nodeTypes = {
		getByName: () => nodeType,
		getByNameAndVersion: () => nodeType,
		getKnownTypes: () => ({}),
	} as unknown as INodeTypes;
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes });
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData(() => credentials),
		'internal',
		createEmptyRunExecutionData(),
		0,
		[],
		{ main: [[{ json: {} }]] },
		{ node, data: {}, source: null },
		[],
	);
	const decrypted = { id: '', name: 'Unsaved', type: 'telegramBotApi', data: { ...credentials } };
	try {
		await workflow.expression.acquireIsolate();
		await new RoutingNode(context, nodeType, decrypted).runNode();
	} catch (caught) {
		const error = caught as {
			message: string;
			cause?: { code?: string; response?: { status: number; statusText?: string } };
		};
		if (error.cause?.response) {
			const { status, statusText } = error.cause.response;
			for (const rule of test!.rules ?? []) {
				if (rule.type === 'responseCode' && rule.properties.value === status) {
					return { status: 'Error', message: rule.properties.message };
				}
			}
			if (status < 199 || status > 299) {
				return { status: 'Error', message: statusText || `Received HTTP status code: ${status}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message.toString() };
	} finally {
		await workflow.expression.releaseIsolate();
	}
	return { status: 'OK', message: 'Connection successful!' };
}
