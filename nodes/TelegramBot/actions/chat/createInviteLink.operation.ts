import type { IDataObject } from 'n8n-workflow';

import { chatCall } from './chatCall';

export const createInviteLink = chatCall({
	operation: 'createInviteLink',
	label: 'Create Invite Link',
	method: 'createChatInviteLink',
	output: 'result',
	options: [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Shown to admins, up to 32 characters',
		},
		{ displayName: 'Expires At', name: 'expireDate', type: 'dateTime', default: '' },
		{
			displayName: 'Member Limit',
			name: 'memberLimit',
			type: 'number',
			typeOptions: { minValue: 0, maxValue: 99999 },
			default: 0,
			description: 'How many people may join through it; 0 for no limit',
		},
		{
			displayName: 'Requires Approval',
			name: 'createsJoinRequest',
			type: 'boolean',
			default: false,
			description: 'Whether admins must approve each join (not with a member limit)',
		},
	],
	body: (ctx, itemIndex) => {
		const options = ctx.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const body: IDataObject = {};
		if (options.name) body.name = options.name;
		if (options.expireDate)
			body.expire_date = Math.floor(new Date(String(options.expireDate)).getTime() / 1000);
		if (options.memberLimit) body.member_limit = options.memberLimit;
		if (options.createsJoinRequest) body.creates_join_request = true;
		return body;
	},
});
