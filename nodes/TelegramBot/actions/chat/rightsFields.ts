import type { INodeProperties } from 'n8n-workflow';

import type { Field } from '../fields';
import { parameter } from '../../../shared/parameters';

/** What members of a group may do (ChatPermissions), as the editor names it. */
const PERMISSIONS = [
	['can_send_messages', 'Send Text Messages'],
	['can_send_photos', 'Send Photos'],
	['can_send_videos', 'Send Videos'],
	['can_send_video_notes', 'Send Video Notes'],
	['can_send_audios', 'Send Audio'],
	['can_send_voice_notes', 'Send Voice Messages'],
	['can_send_documents', 'Send Documents'],
	['can_send_polls', 'Send Polls'],
	['can_send_other_messages', 'Send Stickers, GIFs and Games'],
	['can_add_web_page_previews', 'Add Link Previews'],
	['can_change_info', 'Change Chat Info'],
	['can_invite_users', 'Invite Users'],
	['can_pin_messages', 'Pin Messages'],
	['can_manage_topics', 'Manage Topics'],
] as const;

/** What an administrator may do (ChatAdministratorRights / promoteChatMember's flags). */
const RIGHTS = [
	['can_manage_chat', 'Manage Chat'],
	['can_delete_messages', 'Delete Messages'],
	['can_restrict_members', 'Restrict Members'],
	['can_promote_members', 'Add New Admins'],
	['can_change_info', 'Change Chat Info'],
	['can_invite_users', 'Invite Users'],
	['can_pin_messages', 'Pin Messages'],
	['can_manage_topics', 'Manage Topics'],
	['can_manage_video_chats', 'Manage Video Chats'],
	['can_post_messages', 'Post in the Channel'],
	['can_edit_messages', 'Edit Channel Posts'],
	['can_post_stories', 'Post Stories'],
	['can_edit_stories', 'Edit Stories'],
	['can_delete_stories', 'Delete Stories'],
	['is_anonymous', 'Remain Anonymous'],
] as const;

type Permission = (typeof PERMISSIONS)[number][0];
type Right = (typeof RIGHTS)[number][0];

function multi(
	name: string,
	displayName: string,
	entries: ReadonlyArray<readonly [string, string]>,
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'multiOptions',
		options: entries.map(([value, label]) => ({ name: label, value })),
		default: [],
		description,
	};
}

function selected(value: unknown): string[] {
	return Array.isArray(value) ? value.map(String) : [];
}

/**
 * The permissions of members (restrictChatMember, setChatPermissions): every one is sent, true
 * when selected, so what is not selected is forbidden rather than left as it was.
 */
export const permissions: Field<'permissions'> = {
	params: ['permissions'],
	properties: [
		multi(
			'permissions',
			'Allowed',
			PERMISSIONS,
			'What members may still do; everything not selected is forbidden. Select all to lift every restriction.',
		),
	],
	inOptions: false,
	body: (ctx, itemIndex) => {
		const allowed = selected(parameter(ctx, 'permissions', itemIndex, []));
		return {
			permissions: Object.fromEntries(
				PERMISSIONS.map(([key]) => [key, allowed.includes(key)]),
			) as Record<Permission, boolean>,
		};
	},
};

const rightsDescription =
	'What the administrator may do; nothing selected takes every right away (a demotion). Channel rights apply to channels only.';

/** An administrator's rights as promoteChatMember's own flags: each sent, true when selected. */
export const adminRights: Field<Right> = {
	params: RIGHTS.map(([key]) => key),
	properties: [multi('rights', 'Rights', RIGHTS, rightsDescription)],
	inOptions: false,
	body: (ctx, itemIndex) => {
		const chosen = selected(parameter(ctx, 'rights', itemIndex, []));
		return Object.fromEntries(RIGHTS.map(([key]) => [key, chosen.includes(key)]));
	},
};

/** The same rights as one ChatAdministratorRights object (setMyDefaultAdministratorRights). */
export const defaultRights: Field<'rights'> = {
	params: ['rights'],
	properties: [
		multi(
			'rights',
			'Rights',
			RIGHTS,
			'The rights Telegram suggests when a user adds the bot as an administrator; nothing selected clears them',
		),
	],
	inOptions: false,
	body: (ctx, itemIndex) => {
		const chosen = selected(parameter(ctx, 'rights', itemIndex, []));
		if (chosen.length === 0) return {};
		return {
			rights: {
				...Object.fromEntries(RIGHTS.map(([key]) => [key, chosen.includes(key)])),
				// Required by the schema; not offered: the bot cannot be asked to greet.
				can_send_welcome_messages: false,
			},
		};
	},
};
