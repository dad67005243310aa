import type { INodeProperties } from 'n8n-workflow';

import { UPDATE_TYPES } from './updateTypes';
import { SEED_MAPPING } from './fieldMapping';

/** The update types to start on; both triggers ask Telegram for only these. */
export const updatesProperty: INodeProperties = {
	displayName: 'Trigger On',
	name: 'updates',
	type: 'multiOptions',
	options: [
		{
			name: 'All (Telegram Default)',
			value: '*',
			description: 'Everything except chat_member and reactions, which must be selected by name',
		},
		...UPDATE_TYPES,
	],
	default: ['*'],
	required: true,
	description: 'The update types that start the workflow',
};

/** Options both triggers share: the queue, filters, files and the field mapping. */
export const updateOptions: INodeProperties[] = [
	{
		displayName: 'Drop Pending Updates',
		name: 'dropPendingUpdates',
		type: 'boolean',
		default: false,
		description:
			'Whether to discard the updates that queued up while the trigger was not active, instead of starting the workflow for each',
	},
	{
		displayName: 'Binary Property',
		name: 'binaryProperty',
		type: 'string',
		default: 'data',
		description: 'With Download Files on: the binary property the file goes into',
	},
	{
		displayName: 'Chat IDs',
		name: 'chatIds',
		type: 'string',
		default: '',
		placeholder: '-1001234567890, @securityalerts',
		description:
			'Only updates from these chats start the workflow (comma-separated IDs or @usernames). Updates without a chat are dropped.',
	},
	{
		displayName: 'Commands',
		name: 'commands',
		type: 'string',
		default: '',
		placeholder: 'compliance, status',
		description:
			'Only messages with one of these bot commands start the workflow (comma-separated, with or without the slash). Items carry command and commandArgs either way.',
	},
	{
		displayName: 'Download Files',
		name: 'downloadFiles',
		type: 'boolean',
		default: false,
		description:
			"Whether to download a message's photo (largest size), document, video, audio, voice, animation, sticker or video note into the item. A failed download sets the item's error field.",
	},
	{
		displayName: 'Field Mapping',
		name: 'fieldMapping',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add field',
		description: `Output fields read from the raw update with JSONPath, e.g. ${SEED_MAPPING.map((m) => `${m.field} ← ${m.path}`).join(', ')}`,
		options: [
			{
				displayName: 'Mapping',
				name: 'mappings',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'sender',
					},
					{
						displayName: 'JSONPath',
						name: 'path',
						type: 'string',
						default: '',
						placeholder: '$.message.from.username',
					},
				],
			},
		],
	},
	{
		displayName: 'Field Mapping Mode',
		name: 'fieldMappingMode',
		type: 'options',
		options: [
			{ name: 'Add to Default Fields', value: 'extend' },
			{
				name: 'Replace Default Fields',
				value: 'replace',
				description: 'Only the mapped fields and the raw update',
			},
		],
		default: 'extend',
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSizeMb',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 2000 },
		default: 20,
		description:
			"With Download Files on: larger files are not downloaded and the item's error field says so. Telegram's cloud server serves up to 20 MB.",
	},
	{
		displayName: 'User IDs',
		name: 'userIds',
		type: 'string',
		default: '',
		placeholder: '123456789, 987654321',
		description:
			'Only updates from these users start the workflow (comma-separated). Updates without a sender, such as channel posts, are dropped.',
	},
];

/** Shared and node-specific options in one collection, sorted by name as n8n shows them. */
export function optionsCollection(specific: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [...updateOptions, ...specific].sort((a, b) =>
			a.displayName.localeCompare(b.displayName),
		),
	};
}
