import type { IDataObject } from 'n8n-workflow';

import { positiveInteger, userIdProperty } from '../../helpers/fields';
import { chatCall } from './chatCall';

export const banMember = chatCall({
	operation: 'banMember',
	label: 'Ban Chat Member',
	method: 'banChatMember',
	output: 'acknowledge',
	properties: [userIdProperty],
	options: [
		{
			displayName: 'Until',
			name: 'untilDate',
			type: 'dateTime',
			default: '',
			description:
				'When the ban ends; empty, or under 30 seconds or over 366 days away, bans forever',
		},
		{
			displayName: 'Delete Their Messages',
			name: 'revokeMessages',
			type: 'boolean',
			default: false,
			description: 'Whether all their messages in the group are deleted',
		},
	],
	body: (ctx, itemIndex) => {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			user_id: positiveInteger(ctx, 'userId', itemIndex, 'Ban Chat Member', 'User ID'),
		};
		if (options.untilDate)
			body.until_date = Math.floor(new Date(String(options.untilDate)).getTime() / 1000);
		if (options.revokeMessages) body.revoke_messages = true;
		return body;
	},
});
