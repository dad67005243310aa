import { EXAMPLE_GROUP, EXAMPLE_USER, exampleChat } from '../examples';
import { boolean, chat, dateTime, number, text, userId, type Field } from '../fields';
import { row } from '../rows';
import { inviteLinkSettings } from './inviteLinkFields';
import { adminRights, permissions } from './rightsFields';

const chatOnly = { parameters: { chatId: exampleChat }, sends: { chat_id: EXAMPLE_GROUP } };
const member = { chatId: exampleChat, userId: EXAMPLE_USER };
/** The link the emulator's group has (test/emulator/chats.ts), to edit and revoke. */
const SEEDED_LINK = 'https://t.me/+SeCoPsInViTe';
const invite = {
	parameters: { chatId: exampleChat, inviteLink: SEEDED_LINK },
	sends: { chat_id: EXAMPLE_GROUP, invite_link: SEEDED_LINK },
};
const inviteLink: Field<'invite_link'> = text('invite_link', {
	displayName: 'Invite Link',
	name: 'inviteLink',
	required: true,
	placeholder: 'https://t.me/+AbCdEf…',
	description: 'A link the bot created (Create Invite Link)',
});
/** The emulator's channel, banned from and unbanned in the group. */
const CHANNEL = -1009876543210;
const senderChat: Field<'sender_chat_id'> = number('sender_chat_id', {
	displayName: 'Channel ID',
	name: 'senderChatId',
	required: true,
	description: 'The numeric ID of the channel (-100…), as in sender_chat of its messages',
});
const senderExample = {
	parameters: { chatId: exampleChat, senderChatId: CHANNEL },
	sends: { chat_id: EXAMPLE_GROUP, sender_chat_id: CHANNEL },
};

/** What an administrator bot does in a group or channel: rights, join requests, photo, links, channels. */
/** Shared by Restrict Chat Member and Set Chat Permissions: both methods take the same flag. */
const independentPermissions = boolean('use_independent_chat_permissions', {
	displayName: 'Independent Permissions',
	name: 'independentPermissions',
	inOptions: true,
	description:
		'Whether each media permission stands alone; otherwise sending media also allows text messages and link previews',
});

export const administrationRows = [
	row({
		value: 'restrictMember',
		label: 'Restrict Chat Member',
		method: 'restrictChatMember',
		fields: [
			chat,
			userId,
			permissions,
			dateTime('until_date', {
				displayName: 'Until',
				name: 'untilDate',
				inOptions: true,
				description:
					'When the restriction ends; empty, or under 30 seconds or over 366 days away, restricts forever',
			}),
			independentPermissions,
		],
		output: 'acknowledge',
		action: 'Restrict a member of a chat',
		description:
			'Limit what a member of a supergroup may post, for a time or forever; the bot must be an admin (restrictChatMember)',
		example: { parameters: { ...member, permissions: ['can_send_messages'] } },
	}),
	row({
		value: 'promoteMember',
		label: 'Promote Chat Member',
		method: 'promoteChatMember',
		fields: [chat, userId, adminRights],
		output: 'acknowledge',
		action: 'Promote a member to administrator',
		description:
			'Make a member an administrator with the selected rights, or demote one by selecting none (promoteChatMember)',
		example: { parameters: { ...member, rights: ['can_delete_messages', 'can_pin_messages'] } },
	}),
	row({
		value: 'setAdministratorTitle',
		label: 'Set Administrator Title',
		method: 'setChatAdministratorCustomTitle',
		fields: [
			chat,
			userId,
			text(
				'custom_title',
				{
					displayName: 'Title',
					name: 'customTitle',
					required: true,
					placeholder: 'e.g. On-call lead',
					description:
						'Shown next to the name of an administrator the bot promoted; 0–16 characters, no emoji',
				},
				{ maxLength: 16 },
			),
		],
		output: 'acknowledge',
		action: 'Set the title of an administrator',
		description:
			'Set the custom title of an administrator the bot promoted in a supergroup (setChatAdministratorCustomTitle)',
		example: {
			parameters: { chatId: exampleChat, userId: 69, customTitle: 'On-call lead' },
			sends: { chat_id: EXAMPLE_GROUP, user_id: 69, custom_title: 'On-call lead' },
		},
	}),
	row({
		value: 'setPermissions',
		label: 'Set Chat Permissions',
		method: 'setChatPermissions',
		fields: [chat, permissions, independentPermissions],
		output: 'acknowledge',
		action: 'Set what members of a chat may do',
		description:
			'Set the default permissions of all members of a group or supergroup (setChatPermissions)',
		example: { parameters: { chatId: exampleChat, permissions: ['can_send_messages'] } },
	}),
	row({
		value: 'approveJoinRequest',
		label: 'Approve Chat Join Request',
		method: 'approveChatJoinRequest',
		fields: [chat, userId],
		output: 'acknowledge',
		action: 'Approve a request to join a chat',
		description:
			'Let in a user who asked to join through an invite link that needs approval (approveChatJoinRequest)',
		example: {
			parameters: { chatId: exampleChat, userId: 67 },
			sends: { chat_id: EXAMPLE_GROUP, user_id: 67 },
		},
	}),
	row({
		value: 'declineJoinRequest',
		label: 'Decline Chat Join Request',
		method: 'declineChatJoinRequest',
		fields: [chat, userId],
		output: 'acknowledge',
		action: 'Decline a request to join a chat',
		description: 'Turn down a user who asked to join (declineChatJoinRequest)',
		example: {
			parameters: { chatId: exampleChat, userId: 68 },
			sends: { chat_id: EXAMPLE_GROUP, user_id: 68 },
		},
	}),
	row({
		value: 'deletePhoto',
		label: 'Delete Chat Photo',
		method: 'deleteChatPhoto',
		fields: [chat],
		output: 'acknowledge',
		action: 'Delete the photo of a chat',
		description:
			'Remove the photo of a group or channel; the bot must be an admin (deleteChatPhoto)',
		example: chatOnly,
	}),
	row({
		value: 'exportInviteLink',
		label: 'Export Chat Invite Link',
		name: 'Renew Primary Invite Link',
		method: 'exportChatInviteLink',
		fields: [chat],
		output: 'result',
		action: 'Renew the primary invite link',
		description:
			'Create a new primary invite link of a chat; the previous one stops working (exportChatInviteLink)',
		example: chatOnly,
		readme: { output: '`{ result }`: the new link' },
	}),
	row({
		value: 'editInviteLink',
		label: 'Edit Chat Invite Link',
		name: 'Edit Invite Link',
		method: 'editChatInviteLink',
		fields: [chat, inviteLink, ...inviteLinkSettings],
		output: 'result',
		action: 'Edit an invite link',
		description:
			'Change the name, expiry or member limit of an invite link the bot created (editChatInviteLink)',
		example: {
			parameters: { ...invite.parameters, options: { memberLimit: 5 } },
			sends: { ...invite.sends, member_limit: 5 },
		},
		readme: { output: 'the ChatInviteLink' },
	}),
	row({
		value: 'revokeInviteLink',
		label: 'Revoke Chat Invite Link',
		name: 'Revoke Invite Link',
		method: 'revokeChatInviteLink',
		fields: [chat, inviteLink],
		output: 'result',
		action: 'Revoke an invite link',
		description: 'Stop an invite link the bot created from working (revokeChatInviteLink)',
		example: invite,
		readme: { output: 'the revoked ChatInviteLink' },
	}),
	row({
		value: 'banSenderChat',
		label: 'Ban Chat Sender Chat',
		name: 'Ban Channel',
		method: 'banChatSenderChat',
		fields: [chat, senderChat],
		output: 'acknowledge',
		action: 'Ban a channel from posting in a chat',
		description:
			'Stop a channel from posting in a group or channel, and its owner from posting as any of their channels (banChatSenderChat)',
		example: senderExample,
	}),
	row({
		value: 'unbanSenderChat',
		label: 'Unban Chat Sender Chat',
		name: 'Unban Channel',
		method: 'unbanChatSenderChat',
		fields: [chat, senderChat],
		output: 'acknowledge',
		action: 'Unban a channel in a chat',
		description: 'Let a banned channel post in the chat again (unbanChatSenderChat)',
		example: senderExample,
	}),
	row({
		value: 'setStickerSet',
		label: 'Set Chat Sticker Set',
		name: 'Set Group Sticker Set',
		method: 'setChatStickerSet',
		fields: [
			chat,
			text('sticker_set_name', {
				displayName: 'Sticker Set Name',
				name: 'stickerSetName',
				required: true,
				placeholder: 'e.g. SecOpsStickers',
				description: 'The short name of the set, as in its t.me/addstickers/ link',
			}),
		],
		output: 'acknowledge',
		action: 'Set the sticker set of a group',
		description:
			'Set the group sticker set of a supergroup; only where Get Chat says can_set_sticker_set (setChatStickerSet)',
		example: {
			parameters: { chatId: exampleChat, stickerSetName: 'SecOpsStickers' },
			sends: { chat_id: EXAMPLE_GROUP, sticker_set_name: 'SecOpsStickers' },
		},
	}),
	row({
		value: 'deleteStickerSet',
		label: 'Delete Chat Sticker Set',
		name: 'Delete Group Sticker Set',
		method: 'deleteChatStickerSet',
		fields: [chat],
		output: 'acknowledge',
		action: 'Remove the sticker set of a group',
		description: 'Remove the group sticker set of a supergroup (deleteChatStickerSet)',
		example: chatOnly,
	}),
];
