import {
	EXAMPLE_CLOSED_FORUM as CLOSED_FORUM,
	EXAMPLE_CLOSED_TOPIC as CLOSED_TOPIC,
	EXAMPLE_FORUM as FORUM,
	EXAMPLE_TOPIC as TOPIC,
} from '../examples';
import { chat, choice, number, text, type Field } from '../fields';
import { row } from '../rows';

const forum = { __rl: true, mode: 'id', value: String(FORUM) };
const inForum = { parameters: { chatId: forum }, sends: { chat_id: FORUM } };
const closedForum = { __rl: true, mode: 'id', value: String(CLOSED_FORUM) };
const inClosedForum = { parameters: { chatId: closedForum }, sends: { chat_id: CLOSED_FORUM } };
const inClosedTopic = {
	parameters: { chatId: closedForum, messageThreadId: CLOSED_TOPIC },
	sends: { chat_id: CLOSED_FORUM, message_thread_id: CLOSED_TOPIC },
};
const inTopic = {
	parameters: { chatId: forum, messageThreadId: TOPIC },
	sends: { chat_id: FORUM, message_thread_id: TOPIC },
};

const topicId: Field<'message_thread_id'> = number('message_thread_id', {
	displayName: 'Topic ID',
	name: 'messageThreadId',
	required: true,
	description: 'The message_thread_id of the topic, from Create Topic or a message in it',
});

const topicName = (required: boolean): Field<'name'> =>
	text(
		'name',
		{
			displayName: 'Name',
			name: 'name',
			required,
			inOptions: !required,
			placeholder: 'e.g. Phishing reports',
			description: '1–128 characters',
		},
		{ maxLength: 128 },
	);

const iconEmoji: Field<'icon_custom_emoji_id'> = text('icon_custom_emoji_id', {
	displayName: 'Icon Custom Emoji ID',
	name: 'iconCustomEmojiId',
	inOptions: true,
	description: 'A custom emoji from Get Topic Icon Stickers; empty for the default icon',
});

/** Forum topics of supergroups that are forums; the bot needs the right to manage topics. */
export const rows = [
	row({
		value: 'create',
		label: 'Create Forum Topic',
		name: 'Create Topic',
		method: 'createForumTopic',
		fields: [
			chat,
			topicName(true),
			choice('icon_color', {
				displayName: 'Icon Color',
				name: 'iconColor',
				inOptions: true,
				default: 7322096,
				options: [
					{ name: 'Blue', value: 7322096 },
					{ name: 'Yellow', value: 16766590 },
					{ name: 'Violet', value: 13338331 },
					{ name: 'Green', value: 9367192 },
					{ name: 'Rose', value: 16749490 },
					{ name: 'Red', value: 16478047 },
				],
				description: 'The colour of the topic icon; it cannot be changed later',
			}),
			iconEmoji,
		],
		output: 'result',
		action: 'Create a forum topic',
		description:
			'Create a topic in a forum supergroup; its message_thread_id is where to post (createForumTopic)',
		example: {
			parameters: { chatId: forum, name: 'Incident 42', options: { iconColor: 16478047 } },
			sends: { chat_id: FORUM, name: 'Incident 42', icon_color: 16478047 },
		},
		readme: { output: 'the ForumTopic (`message_thread_id`, `name`, `icon_color`)' },
	}),
	row({
		value: 'edit',
		label: 'Edit Forum Topic',
		name: 'Edit Topic',
		method: 'editForumTopic',
		fields: [chat, topicId, topicName(false), iconEmoji],
		output: 'acknowledge',
		action: 'Rename a forum topic',
		description: 'Change the name or icon of a forum topic (editForumTopic)',
		example: {
			parameters: { ...inTopic.parameters, options: { name: 'Phishing (triaged)' } },
			sends: { ...inTopic.sends, name: 'Phishing (triaged)' },
		},
	}),
	row({
		value: 'close',
		label: 'Close Forum Topic',
		name: 'Close Topic',
		method: 'closeForumTopic',
		fields: [chat, topicId],
		output: 'acknowledge',
		action: 'Close a forum topic',
		description:
			'Close a topic: only administrators can post until it is reopened (closeForumTopic)',
		example: inTopic,
	}),
	row({
		value: 'reopen',
		label: 'Reopen Forum Topic',
		name: 'Reopen Topic',
		method: 'reopenForumTopic',
		fields: [chat, topicId],
		output: 'acknowledge',
		action: 'Reopen a forum topic',
		description: 'Reopen a closed topic (reopenForumTopic)',
		example: inClosedTopic,
	}),
	row({
		value: 'unpinAllMessages',
		label: 'Unpin All Forum Topic Messages',
		name: 'Unpin All Messages in Topic',
		method: 'unpinAllForumTopicMessages',
		fields: [chat, topicId],
		output: 'acknowledge',
		action: 'Unpin all messages of a forum topic',
		description: 'Clear the pinned messages of a topic (unpinAllForumTopicMessages)',
		example: inTopic,
	}),
	row({
		value: 'delete',
		label: 'Delete Forum Topic',
		name: 'Delete Topic',
		method: 'deleteForumTopic',
		fields: [chat, topicId],
		output: 'acknowledge',
		action: 'Delete a forum topic',
		description: 'Delete a topic with all its messages (deleteForumTopic)',
		example: inTopic,
	}),
	row({
		value: 'editGeneral',
		label: 'Edit General Forum Topic',
		name: 'Rename General Topic',
		method: 'editGeneralForumTopic',
		fields: [chat, topicName(true)],
		output: 'acknowledge',
		action: 'Rename the General topic',
		description: "Rename a forum's General topic (editGeneralForumTopic)",
		example: {
			parameters: { chatId: forum, name: 'Announcements' },
			sends: { chat_id: FORUM, name: 'Announcements' },
		},
	}),
	row({
		value: 'closeGeneral',
		label: 'Close General Forum Topic',
		name: 'Close General Topic',
		method: 'closeGeneralForumTopic',
		fields: [chat],
		output: 'acknowledge',
		action: 'Close the General topic',
		description: "Close a forum's General topic (closeGeneralForumTopic)",
		example: inForum,
	}),
	row({
		value: 'unhideGeneral',
		label: 'Unhide General Forum Topic',
		name: 'Unhide General Topic',
		method: 'unhideGeneralForumTopic',
		fields: [chat],
		output: 'acknowledge',
		action: 'Show the General topic again',
		description: 'Show a hidden General topic again (unhideGeneralForumTopic)',
		example: inClosedForum,
	}),
	row({
		value: 'reopenGeneral',
		label: 'Reopen General Forum Topic',
		name: 'Reopen General Topic',
		method: 'reopenGeneralForumTopic',
		fields: [chat],
		output: 'acknowledge',
		action: 'Reopen the General topic',
		description:
			"Reopen a forum's General topic; a hidden one is shown again (reopenGeneralForumTopic)",
		example: inClosedForum,
	}),
	row({
		value: 'hideGeneral',
		label: 'Hide General Forum Topic',
		name: 'Hide General Topic',
		method: 'hideGeneralForumTopic',
		fields: [chat],
		output: 'acknowledge',
		action: 'Hide the General topic',
		description: "Hide a forum's General topic; it is closed too (hideGeneralForumTopic)",
		example: inForum,
	}),
	row({
		value: 'unpinAllGeneralMessages',
		label: 'Unpin All General Forum Topic Messages',
		name: 'Unpin All Messages in General Topic',
		method: 'unpinAllGeneralForumTopicMessages',
		fields: [chat],
		output: 'acknowledge',
		action: 'Unpin all messages of the General topic',
		description:
			"Clear the pinned messages of a forum's General topic (unpinAllGeneralForumTopicMessages)",
		example: inForum,
	}),
	row({
		value: 'getIconStickers',
		label: 'Get Forum Topic Icon Stickers',
		name: 'Get Topic Icons',
		method: 'getForumTopicIconStickers',
		fields: [],
		output: 'each',
		action: 'Get the custom emoji topic icons',
		description:
			'One item per custom emoji any user may use as a topic icon (getForumTopicIconStickers)',
		example: { parameters: {} },
		readme: { output: 'one item per Sticker' },
	}),
];
