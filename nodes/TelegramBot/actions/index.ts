import type { INodeProperties } from 'n8n-workflow';

import { api } from './api';
import { bot } from './bot';
import { callback } from './callback';
import { chat } from './chat';
import { file } from './file';
import { message } from './message';
import { resourceProperties } from './resource';
import type { OperationEntry, Resource } from './types';
import { update } from './update';
import { webhook } from './webhook';

/**
 * Every resource and its operations: the node's description and the router both read this, and
 * so do the tests (each operation's example) and the README's operation table.
 */
export const RESOURCES: readonly Resource[] = [
	bot,
	api,
	callback,
	chat,
	file,
	message,
	update,
	webhook,
];

/** The Resource selector, then each resource's Operation selector and parameters. */
export function operationProperties(): INodeProperties[] {
	return [
		{
			displayName: 'Resource',
			name: 'resource',
			type: 'options',
			noDataExpression: true,
			options: RESOURCES.map(({ name, value }) => ({ name, value })).sort((a, b) =>
				a.name.localeCompare(b.name),
			),
			default: 'message',
		},
		...RESOURCES.flatMap(resourceProperties),
	];
}

const byName = new Map(
	RESOURCES.flatMap((resource) =>
		resource.operations.map((entry) => [`${resource.value}.${entry.value}`, entry] as const),
	),
);

/** The operation a node's resource and operation parameters name, if there is one. */
export function findOperation(resource: string, operation: string): OperationEntry | undefined {
	return byName.get(`${resource}.${operation}`);
}
