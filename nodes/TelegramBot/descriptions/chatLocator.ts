import type { INodeProperties } from 'n8n-workflow';

import { CHAT_ID_REGEX_SOURCE } from '../../shared/chatId';

export const chatLocator: INodeProperties = {
	displayName: 'Chat',
	name: 'chatId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '' },
	required: true,
	description: 'The user, group or channel to write to',
	modes: [
		{
			displayName: 'From Recent Updates',
			name: 'list',
			type: 'list',
			typeOptions: { searchListMethod: 'searchChats', searchable: true },
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: '-1001234567890 or @channelname',
			hint: 'Numeric ID (negative for groups, -100… for supergroups and channels) or @channelusername',
			validation: [
				{
					type: 'regex',
					properties: {
						regex: CHAT_ID_REGEX_SOURCE,
						errorMessage: 'Enter a numeric chat ID or @channelusername',
					},
				},
			],
		},
	],
};
