import { text, type Field } from '../fields';
import { row } from '../rows';
import { commands, commandScope, language } from './commandFields';

const none = { parameters: {} };
const setFor = 'Set it for users with this language; empty for all others';
const getFor = 'Get the text users with this language see';

/** The text of one of the bot's set… methods; empty removes it for the language. */
function botText<P extends string>(
	param: P,
	name: string,
	displayName: string,
	maxLength: number,
	shownWhere: string,
): Field<P> {
	return text(
		param,
		{
			displayName,
			name,
			typeOptions: maxLength > 64 ? { rows: 3 } : undefined,
			description: `${shownWhere} Up to ${maxLength} characters; empty removes it for this language.`,
		},
		{ maxLength },
	);
}

/** The bot's own methods, one row each (see rows.ts). */
export const rows = [
	row({
		value: 'get',
		label: 'Get Bot',
		method: 'getMe',
		fields: [],
		output: 'result',
		action: 'Get the bot',
		description: "Get the bot's own user: ID, username, name and what it may do (getMe)",
		example: none,
		readme: {
			output:
				"one item: the bot's User (`id`, `is_bot`, `first_name`, `username`, `can_join_groups`, …)",
		},
	}),
	row({
		value: 'setCommands',
		label: 'Set Commands',
		method: 'setMyCommands',
		fields: [commands, commandScope],
		output: 'acknowledge',
		action: 'Set the command menu',
		description: 'Set the list of /commands users see, for a scope and language (setMyCommands)',
		example: {
			parameters: { commands: { command: [{ command: 'compliance', description: 'Status' }] } },
			sends: { commands: [{ command: 'compliance', description: 'Status' }] },
		},
		readme: {
			inputs:
				'commands (`compliance`, `evidence`, `risk`, `audit`, `help`, …, 1–32 lowercase letters, a leading `/` is dropped); options: scope (default, all private chats, all groups, all group admins, one chat, admins of one chat, one member) and language',
		},
	}),
	row({
		value: 'getCommands',
		label: 'Get Commands',
		method: 'getMyCommands',
		fields: [commandScope],
		output: 'each',
		action: 'Get the command menu',
		description: 'One item per command of a scope and language (getMyCommands)',
		example: none,
		readme: { output: 'one item per command' },
	}),
	row({
		value: 'deleteCommands',
		label: 'Delete Commands',
		method: 'deleteMyCommands',
		fields: [commandScope],
		output: 'acknowledge',
		action: 'Delete the command menu',
		description: 'Remove the commands of a scope and language (deleteMyCommands)',
		example: none,
	}),
	row({
		value: 'setDescription',
		label: 'Set Description',
		method: 'setMyDescription',
		fields: [
			botText(
				'description',
				'description',
				'Description',
				512,
				'Shown in an empty chat with the bot, under "What can this bot do?".',
			),
			language(setFor),
		],
		output: 'acknowledge',
		action: 'Set the bot description',
		description: 'Set the text of an empty chat with the bot (setMyDescription)',
		example: {
			parameters: { description: 'Compliance helper' },
			sends: { description: 'Compliance helper' },
		},
	}),
	row({
		value: 'getDescription',
		label: 'Get Description',
		method: 'getMyDescription',
		fields: [language(getFor)],
		output: 'result',
		action: 'Get the bot description',
		description: 'Get the text of an empty chat with the bot (getMyDescription)',
		example: none,
		readme: { output: '`{ description }`' },
	}),
	row({
		value: 'setShortDescription',
		label: 'Set Short Description',
		method: 'setMyShortDescription',
		fields: [
			botText(
				'short_description',
				'shortDescription',
				'Short Description',
				120,
				'Shown on the bot profile page and when the bot is shared.',
			),
			language(setFor),
		],
		output: 'acknowledge',
		action: 'Set the bot short description',
		description: 'Set the text of the bot profile page (setMyShortDescription)',
		example: {
			parameters: { shortDescription: 'Compliance helper' },
			sends: { short_description: 'Compliance helper' },
		},
	}),
	row({
		value: 'getShortDescription',
		label: 'Get Short Description',
		method: 'getMyShortDescription',
		fields: [language(getFor)],
		output: 'result',
		action: 'Get the bot short description',
		description: 'Get the text of the bot profile page (getMyShortDescription)',
		example: none,
		readme: { output: '`{ short_description }`' },
	}),
	row({
		value: 'setName',
		label: 'Set Name',
		method: 'setMyName',
		fields: [botText('name', 'name', 'Name', 64, 'The bot name shown in chats.'), language(setFor)],
		output: 'acknowledge',
		action: 'Set the bot name',
		description: 'Set the name shown in chats, per language (setMyName)',
		example: { parameters: { name: 'Compliance helper' }, sends: { name: 'Compliance helper' } },
	}),
	row({
		value: 'getName',
		label: 'Get Name',
		method: 'getMyName',
		fields: [language(getFor)],
		output: 'result',
		action: 'Get the bot name',
		description: 'Get the name shown in chats, per language (getMyName)',
		example: none,
		readme: { output: '`{ name }`' },
	}),
];
