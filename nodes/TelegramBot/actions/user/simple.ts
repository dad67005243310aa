import { EXAMPLE_GROUP, EXAMPLE_USER, exampleChat } from '../examples';
import { chat, number, userId } from '../fields';
import { row } from '../rows';

/** Methods about a user rather than a chat. */
export const rows = [
	row({
		value: 'getProfilePhotos',
		label: 'Get User Profile Photos',
		name: 'Get Profile Photos',
		method: 'getUserProfilePhotos',
		fields: [
			userId,
			number('offset', {
				displayName: 'Offset',
				name: 'offset',
				inOptions: true,
				description: 'How many of the newest photos to skip',
			}),
			number('limit', {
				displayName: 'Limit',
				name: 'limit',
				inOptions: true,
				default: 100,
				typeOptions: { minValue: 1, maxValue: 100 },
				description: 'Max number of photos to return (1–100)',
			}),
		],
		output: 'result',
		action: "Get a user's profile photos",
		description:
			"Get a user's profile pictures, each in several sizes, newest first (getUserProfilePhotos)",
		example: { parameters: { userId: EXAMPLE_USER }, sends: { user_id: EXAMPLE_USER } },
		readme: { output: 'the UserProfilePhotos (`total_count`, `photos`: lists of sizes)' },
	}),
	row({
		value: 'getChatBoosts',
		label: 'Get User Chat Boosts',
		name: 'Get Chat Boosts',
		method: 'getUserChatBoosts',
		fields: [chat, userId],
		output: 'result',
		action: "Get a user's boosts of a chat",
		description:
			'List the boosts a user gave a channel or supergroup; the bot must be an admin (getUserChatBoosts)',
		example: {
			parameters: { chatId: exampleChat, userId: EXAMPLE_USER },
			sends: { chat_id: EXAMPLE_GROUP, user_id: EXAMPLE_USER },
		},
		readme: { output: 'the UserChatBoosts (`boosts`)' },
	}),
];
