import { resourceDescription } from '../resource';
import { banMember } from './banMember.operation';
import { createInviteLink } from './createInviteLink.operation';
import { get } from './get.operation';
import { getAdministrators } from './getAdministrators.operation';
import { getMember } from './getMember.operation';
import { getMemberCount } from './getMemberCount.operation';
import { leave } from './leave.operation';
import { setDescription } from './setDescription.operation';
import { setPhoto } from './setPhoto.operation';
import { setTitle } from './setTitle.operation';
import { unbanMember } from './unbanMember.operation';

export const { operations, description } = resourceDescription(
	'chat',
	[
		{
			value: 'get',
			module: get,
			action: 'Get chat details',
			description:
				'Get up-to-date information about a chat: title, type, description, permissions (getChat)',
		},
		{
			value: 'getAdministrators',
			module: getAdministrators,
			action: 'Get the administrators of a chat',
			description: 'One item per administrator of a group or channel (getChatAdministrators)',
		},
		{
			value: 'getMember',
			module: getMember,
			action: 'Get a member of a chat',
			description:
				"Get a user's status in a chat: member, administrator, left, banned (getChatMember)",
		},
		{
			value: 'getMemberCount',
			module: getMemberCount,
			action: 'Count the members of a chat',
			description: 'Get the number of members in a chat (getChatMemberCount)',
		},
		{
			value: 'leave',
			module: leave,
			action: 'Make the bot leave a chat',
			description: 'Make the bot leave a group, supergroup or channel (leaveChat)',
		},
		{
			value: 'setTitle',
			module: setTitle,
			action: 'Set the title of a chat',
			description:
				'Change the title of a group or channel; the bot must be an admin (setChatTitle)',
		},
		{
			value: 'setDescription',
			module: setDescription,
			action: 'Set the description of a chat',
			description: 'Change the description of a group or channel (setChatDescription)',
		},
		{
			value: 'banMember',
			module: banMember,
			action: 'Ban a member of a chat',
			description: 'Ban a user from a group or channel, for a time or forever (banChatMember)',
		},
		{
			value: 'unbanMember',
			module: unbanMember,
			action: 'Unban a member of a chat',
			description: 'Lift a ban so the user may join again (unbanChatMember)',
		},
		{
			value: 'createInviteLink',
			module: createInviteLink,
			action: 'Create an invite link',
			description:
				'Create an invite link with an expiry, a member limit or approval (createChatInviteLink)',
		},
		{
			value: 'setPhoto',
			module: setPhoto,
			action: 'Set the photo of a chat',
			description:
				'Upload a new photo for a group or channel from a binary field; the bot must be an admin (setChatPhoto)',
		},
	],
	'get',
);
