import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from './types';

export interface OperationEntry {
	value: string;
	module: OperationModule;
	/** Shown to people and to AI agents choosing a tool: say what it does and which method it calls. */
	action: string;
	description: string;
}

/** A resource's Operation selector followed by every operation's parameters. */
export function resourceDescription(
	resource: string,
	entries: OperationEntry[],
	defaultOperation: string,
): { operations: Record<string, OperationModule>; description: INodeProperties[] } {
	return {
		operations: Object.fromEntries(entries.map((entry) => [entry.value, entry.module])),
		description: [
			{
				displayName: 'Operation',
				name: 'operation',
				type: 'options',
				noDataExpression: true,
				displayOptions: { show: { resource: [resource] } },
				options: entries
					.map(({ value, module, action, description }) => ({
						name: module.label,
						value,
						action,
						description,
					}))
					.sort((a, b) => a.name.localeCompare(b.name)),
				default: defaultOperation,
			},
			...entries.flatMap((entry) => entry.module.description),
		],
	};
}
