import { JSONPath } from 'jsonpath-plus';
import type { IDataObject, INode } from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

export interface FieldMappingEntry {
	field: string;
	path: string;
}

/** The seed's mapping expressed as JSONPath, shown as the example in the editor. */
export const SEED_MAPPING: FieldMappingEntry[] = [
	{ field: 'updateId', path: '$.update_id' },
	{ field: 'date', path: '$.message.date' },
	{ field: 'chatTitle', path: '$.message.chat.title' },
	{ field: 'text', path: '$.message.text' },
];

/** Checked once at activation so a typo fails the activation, not every update. */
export function validateMapping(node: INode, entries: FieldMappingEntry[]): void {
	for (const { field, path } of entries) {
		if (!field.trim())
			throw new NodeOperationError(node, 'Field Mapping: every row needs a field name');
		if (!path.trim().startsWith('$')) {
			throw new NodeOperationError(
				node,
				`Field Mapping: "${path}" for "${field}" must be a JSONPath starting with $`,
			);
		}
		try {
			JSONPath({ path, json: {}, wrap: true });
		} catch (error) {
			throw new NodeOperationError(
				node,
				`Field Mapping: "${path}" is not valid JSONPath (${(error as Error).message})`,
			);
		}
	}
}

/** One value per path: a single match as itself, several as a list, none as null. */
export function evaluate(path: string, update: IDataObject): unknown {
	const matches = JSONPath({ path, json: update, wrap: true }) as unknown[];
	if (!Array.isArray(matches) || matches.length === 0) return null;
	return matches.length === 1 ? (matches[0] ?? null) : matches;
}

/**
 * The mapped fields. A path that passed activation can still throw on a real update (a filter
 * such as `[?(@.user.id == 5)]` over entities without a user): that field becomes null and
 * `mappingErrors` says why, so one bad path costs that field, never the update.
 */
export function applyMapping(
	base: IDataObject,
	update: IDataObject,
	entries: FieldMappingEntry[],
	mode: 'extend' | 'replace',
): IDataObject {
	const mapped: IDataObject = mode === 'replace' ? {} : { ...base };
	const errors: IDataObject = {};
	for (const { field, path } of entries) {
		try {
			mapped[field] = evaluate(path, update) as IDataObject[string];
		} catch (error) {
			mapped[field] = null;
			errors[field] = `JSONPath "${path}" failed on this update: ${(error as Error).message}`;
		}
	}
	if (Object.keys(errors).length > 0) mapped.mappingErrors = errors;
	if (mode === 'replace') mapped.update = update;
	return mapped;
}
