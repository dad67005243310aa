import { NodeOperationError } from 'n8n-workflow';

import {
	COMMAND_SCOPE_OPTIONS,
	commandScopeBody,
	languageBody,
	languageOption,
} from '../../helpers/commandScope';
import type { Field } from '../fields';
import { parameter } from '../../../shared/parameters';

/** Options of the command methods: who sees the list (scope), in which language. */
export const commandScope: Field<'scope' | 'language_code'> = {
	params: ['scope', 'language_code'],
	properties: COMMAND_SCOPE_OPTIONS,
	inOptions: true,
	body: commandScopeBody,
};

/** The Language Code option of the bot's name and descriptions. */
export function language(description: string): Field<'language_code'> {
	return {
		params: ['language_code'],
		properties: [languageOption(description)],
		inOptions: true,
		body: languageBody,
	};
}

/** The command menu: 1–100 commands of 1–32 lowercase letters, digits and underscores. */
export const commands: Field<'commands'> = {
	params: ['commands'],
	inOptions: false,
	properties: [
		{
			displayName: 'Commands',
			name: 'commands',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Command',
			default: {},
			description:
				'The menu users see when they type /, e.g. compliance, evidence, risk, audit, help',
			options: [
				{
					name: 'command',
					displayName: 'Command',
					values: [
						{
							displayName: 'Command',
							name: 'command',
							type: 'string',
							default: '',
							placeholder: 'compliance',
							description: '1–32 lowercase letters, digits and underscores, without the slash',
						},
						{
							displayName: 'Description',
							name: 'description',
							type: 'string',
							default: '',
							placeholder: 'Show the compliance status',
							description: '1–256 characters',
						},
					],
				},
			],
		},
	],
	body(ctx, itemIndex, label) {
		const entries =
			(
				parameter(ctx, 'commands', itemIndex, {}) as {
					command?: Array<{ command: string; description: string }>;
				}
			).command ?? [];
		const fail = (message: string) =>
			new NodeOperationError(ctx.getNode(), `${label}: ${message}`, { itemIndex });
		if (entries.length > 100)
			throw fail(`Telegram takes up to 100 commands, got ${entries.length}`);
		const commands = entries.map(({ command, description }) => {
			const name = String(command ?? '')
				.trim()
				.replace(/^\//, '');
			if (!/^[a-z0-9_]{1,32}$/.test(name))
				throw fail(
					`"${name}" is not a command: use 1–32 lowercase letters, digits and underscores`,
				);
			if (!description?.trim() || [...description].length > 256)
				throw fail(`the description of /${name} must be 1–256 characters`);
			return { command: name, description: description.trim() };
		});
		return { commands };
	},
};
