import type { INodeProperties } from 'n8n-workflow';

import type { Resource } from './types';

/** A resource's Operation selector followed by every operation's parameters. */
export function resourceProperties(resource: Resource): INodeProperties[] {
	const { defaultOperation } = resource;
	return [
		{
			displayName: 'Operation',
			name: 'operation',
			type: 'options',
			noDataExpression: true,
			displayOptions: { show: { resource: [resource.value] } },
			options: resource.operations
				.map(({ value, module, name, action, description }) => ({
					name: name ?? module.label,
					value,
					action,
					description,
				}))
				.sort((a, b) => a.name.localeCompare(b.name)),
			default: defaultOperation,
		},
		...resource.operations.flatMap((entry) => entry.module.description),
	];
}
