import { NodeOperationError } from 'n8n-workflow';

import { languageBody, languageOption } from '../../helpers/commandScope';
import { callOperation } from '../callOperation';
import type { OperationModule } from '../types';

/** The bot's name, description and short description: set with a length limit, get per language. */
export function setBotText(spec: {
	operation: string;
	label: string;
	method: string;
	field: string;
	displayName: string;
	maxLength: number;
	description: string;
}): OperationModule {
	return callOperation({
		resource: 'bot',
		operation: spec.operation,
		label: spec.label,
		method: spec.method,
		output: 'acknowledge',
		properties: [
			{
				displayName: spec.displayName,
				name: spec.field,
				type: 'string',
				typeOptions: spec.maxLength > 64 ? { rows: 3 } : undefined,
				default: '',
				description: limitDescription(spec),
			},
		],
		options: [languageOption('Set it for users with this language; empty for all others')],
		body(ctx, itemIndex) {
			const value = String(ctx.getNodeParameter(spec.field, itemIndex, '') ?? '');
			if ([...value].length > spec.maxLength) {
				throw new NodeOperationError(
					ctx.getNode(),
					`${spec.label}: ${[...value].length} characters, Telegram accepts ${spec.maxLength}`,
					{ itemIndex },
				);
			}
			return { [toSnake(spec.field)]: value, ...languageBody(ctx, itemIndex, spec.label) };
		},
	});
}

export function getBotText(spec: {
	operation: string;
	label: string;
	method: string;
}): OperationModule {
	return callOperation({
		resource: 'bot',
		operation: spec.operation,
		label: spec.label,
		method: spec.method,
		output: 'result',
		properties: [],
		options: [languageOption('Get the text users with this language see')],
		body: (ctx, itemIndex) => languageBody(ctx, itemIndex, spec.label),
	});
}

/**
 * Built here, not written as a template literal in the property: n8n's lint autofixes read a
 * template description's text parts only, and once left ", Up to , characters" of this one.
 */
function limitDescription(spec: { description: string; maxLength: number }): string {
	return `${spec.description} Up to ${spec.maxLength} characters; empty removes it for this language.`;
}

function toSnake(name: string): string {
	return name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}
