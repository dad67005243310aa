import { resourceDescription } from '../resource';
import { deleteCommands } from './deleteCommands.operation';
import { getBot } from './get.operation';
import { getCommands } from './getCommands.operation';
import { getDescription } from './getDescription.operation';
import { getName } from './getName.operation';
import { getShortDescription } from './getShortDescription.operation';
import { setCommands } from './setCommands.operation';
import { setDescription } from './setDescription.operation';
import { setName } from './setName.operation';
import { setShortDescription } from './setShortDescription.operation';

export const { operations, description } = resourceDescription(
	'bot',
	[
		{
			value: 'get',
			module: getBot,
			action: 'Get the bot',
			description: "Get the bot's own user: ID, username, name and what it may do (getMe)",
		},
		{
			value: 'setCommands',
			module: setCommands,
			action: 'Set the command menu',
			description: 'Set the list of /commands users see, for a scope and language (setMyCommands)',
		},
		{
			value: 'getCommands',
			module: getCommands,
			action: 'Get the command menu',
			description: 'One item per command of a scope and language (getMyCommands)',
		},
		{
			value: 'deleteCommands',
			module: deleteCommands,
			action: 'Delete the command menu',
			description: 'Remove the commands of a scope and language (deleteMyCommands)',
		},
		{
			value: 'setDescription',
			module: setDescription,
			action: 'Set the bot description',
			description: 'Set the text of an empty chat with the bot (setMyDescription)',
		},
		{
			value: 'getDescription',
			module: getDescription,
			action: 'Get the bot description',
			description: 'Get the text of an empty chat with the bot (getMyDescription)',
		},
		{
			value: 'setShortDescription',
			module: setShortDescription,
			action: 'Set the bot short description',
			description: 'Set the text of the bot profile page (setMyShortDescription)',
		},
		{
			value: 'getShortDescription',
			module: getShortDescription,
			action: 'Get the bot short description',
			description: 'Get the text of the bot profile page (getMyShortDescription)',
		},
		{
			value: 'setName',
			module: setName,
			action: 'Set the bot name',
			description: 'Set the name shown in chats, per language (setMyName)',
		},
		{
			value: 'getName',
			module: getName,
			action: 'Get the bot name',
			description: 'Get the name shown in chats, per language (getMyName)',
		},
	],
	'get',
);
