import { EXAMPLE_GROUP, EXAMPLE_USER, exampleChat } from '../examples';
import { boolean, chat, dateTime, text, userId } from '../fields';
import { row } from '../rows';
import { inviteLinkSettings } from './inviteLinkFields';

const chatOnly = { parameters: { chatId: exampleChat }, sends: { chat_id: EXAMPLE_GROUP } };
const member = {
	parameters: { chatId: exampleChat, userId: EXAMPLE_USER },
	sends: { chat_id: EXAMPLE_GROUP, user_id: EXAMPLE_USER },
};

/** The chat methods, one row each (see rows.ts). */
export const rows = [
	row({
		value: 'get',
		label: 'Get Chat',
		method: 'getChat',
		fields: [chat],
		output: 'result',
		action: 'Get chat details',
		description:
			'Get up-to-date information about a chat: title, type, description, permissions (getChat)',
		example: chatOnly,
		readme: { output: 'the ChatFullInfo' },
	}),
	row({
		value: 'getAdministrators',
		label: 'Get Chat Administrators',
		method: 'getChatAdministrators',
		fields: [chat],
		output: 'each',
		action: 'Get the administrators of a chat',
		description: 'One item per administrator of a group or channel (getChatAdministrators)',
		example: chatOnly,
		readme: { output: 'one item per administrator' },
	}),
	row({
		value: 'getMember',
		label: 'Get Chat Member',
		method: 'getChatMember',
		fields: [chat, userId],
		output: 'result',
		action: 'Get a member of a chat',
		description:
			"Get a user's status in a chat: member, administrator, left, banned (getChatMember)",
		example: member,
		readme: { output: 'the ChatMember' },
	}),
	row({
		value: 'getMemberCount',
		label: 'Get Chat Member Count',
		method: 'getChatMemberCount',
		fields: [chat],
		output: 'result',
		action: 'Count the members of a chat',
		description: 'Get the number of members in a chat (getChatMemberCount)',
		example: chatOnly,
		readme: { output: '`{ result: n }`' },
	}),
	row({
		value: 'leave',
		label: 'Leave Chat',
		method: 'leaveChat',
		fields: [chat],
		output: 'acknowledge',
		action: 'Make the bot leave a chat',
		description: 'Make the bot leave a group, supergroup or channel (leaveChat)',
		example: chatOnly,
	}),
	row({
		value: 'setTitle',
		label: 'Set Chat Title',
		method: 'setChatTitle',
		fields: [
			chat,
			text(
				'title',
				{ displayName: 'Title', name: 'title', required: true, description: '1–128 characters' },
				{ maxLength: 128 },
			),
		],
		output: 'acknowledge',
		action: 'Set the title of a chat',
		description: 'Change the title of a group or channel; the bot must be an admin (setChatTitle)',
		example: {
			parameters: { chatId: exampleChat, title: 'SecOps' },
			sends: { chat_id: EXAMPLE_GROUP, title: 'SecOps' },
		},
	}),
	row({
		value: 'setDescription',
		label: 'Set Chat Description',
		method: 'setChatDescription',
		fields: [
			chat,
			text(
				'description',
				{
					displayName: 'Description',
					name: 'description',
					typeOptions: { rows: 3 },
					description: '0–255 characters; empty removes it',
				},
				{ maxLength: 255 },
			),
		],
		output: 'acknowledge',
		action: 'Set the description of a chat',
		description: 'Change the description of a group or channel (setChatDescription)',
		example: {
			parameters: { chatId: exampleChat, description: 'Alerts only' },
			sends: { chat_id: EXAMPLE_GROUP, description: 'Alerts only' },
		},
	}),
	row({
		value: 'banMember',
		label: 'Ban Chat Member',
		method: 'banChatMember',
		fields: [
			chat,
			userId,
			dateTime('until_date', {
				displayName: 'Until',
				name: 'untilDate',
				inOptions: true,
				description:
					'When the ban ends; empty, or under 30 seconds or over 366 days away, bans forever',
			}),
			boolean('revoke_messages', {
				displayName: 'Delete Their Messages',
				name: 'revokeMessages',
				inOptions: true,
				description: 'Whether all their messages in the group are deleted',
			}),
		],
		output: 'acknowledge',
		action: 'Ban a member of a chat',
		description: 'Ban a user from a group or channel, for a time or forever (banChatMember)',
		example: member,
	}),
	row({
		value: 'unbanMember',
		label: 'Unban Chat Member',
		method: 'unbanChatMember',
		fields: [chat, userId],
		// Without only_if_banned Telegram removes a member who was never banned.
		fixed: { only_if_banned: true },
		output: 'acknowledge',
		action: 'Unban a member of a chat',
		description: 'Lift a ban so the user may join again (unbanChatMember)',
		example: {
			...member,
			sends: { chat_id: EXAMPLE_GROUP, user_id: EXAMPLE_USER, only_if_banned: true },
		},
	}),
	row({
		value: 'createInviteLink',
		label: 'Create Invite Link',
		method: 'createChatInviteLink',
		fields: [chat, ...inviteLinkSettings],
		output: 'result',
		action: 'Create an invite link',
		description:
			'Create an invite link with an expiry, a member limit or approval (createChatInviteLink)',
		example: chatOnly,
		readme: { output: 'the ChatInviteLink' },
	}),
];
