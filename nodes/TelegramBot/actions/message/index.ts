import { resourceDescription } from '../resource';
import { copyMessage } from './copyMessage.operation';
import { deleteMessage } from './deleteMessage.operation';
import { editMessageCaption } from './editMessageCaption.operation';
import { editMessageReplyMarkup } from './editMessageReplyMarkup.operation';
import { editMessageText } from './editMessageText.operation';
import { forwardMessage } from './forwardMessage.operation';
import { pinMessage } from './pinMessage.operation';
import { sendAnimation } from './sendAnimation.operation';
import { sendAndWait } from './sendAndWait.operation';
import { sendAudio } from './sendAudio.operation';
import { sendChatAction } from './sendChatAction.operation';
import { sendDice } from './sendDice.operation';
import { sendDocument } from './sendDocument.operation';
import { sendLocation } from './sendLocation.operation';
import { sendMediaGroup } from './sendMediaGroup.operation';
import { sendMessage } from './sendMessage.operation';
import { sendPhoto } from './sendPhoto.operation';
import { sendPoll } from './sendPoll.operation';
import { sendSticker } from './sendSticker.operation';
import { sendVideo } from './sendVideo.operation';
import { sendVideoNote } from './sendVideoNote.operation';
import { sendVoice } from './sendVoice.operation';
import { unpinMessage } from './unpinMessage.operation';

export const { operations, description } = resourceDescription(
	'message',
	[
		{
			value: 'sendMessage',
			module: sendMessage,
			action: 'Send a message',
			description:
				'Send a text message to a user, group or channel; long texts are split (sendMessage)',
		},
		{
			value: 'sendAndWait',
			module: sendAndWait,
			action: 'Send a message and wait for response',
			description:
				'Send a request with approve/decline or custom buttons, or for a reply, and pause until someone answers in the chat (sendMessage + a Telegram Bot trigger)',
		},
		{
			value: 'sendPhoto',
			module: sendPhoto,
			action: 'Send a photo',
			description:
				'Send a picture from a binary field, a URL or a file_id, with a caption (sendPhoto)',
		},
		{
			value: 'sendDocument',
			module: sendDocument,
			action: 'Send a document file',
			description: 'Send any file, such as a PDF report or evidence export (sendDocument)',
		},
		{
			value: 'sendVideo',
			module: sendVideo,
			action: 'Send a video file',
			description: 'Send an MP4 video (sendVideo)',
		},
		{
			value: 'sendAudio',
			module: sendAudio,
			action: 'Send an audio track',
			description: 'Send music or another audio file shown in the player (sendAudio)',
		},
		{
			value: 'sendVoice',
			module: sendVoice,
			action: 'Send a voice message',
			description: 'Send an OGG/Opus voice message (sendVoice)',
		},
		{
			value: 'sendAnimation',
			module: sendAnimation,
			action: 'Send an animation',
			description: 'Send a GIF or silent MP4 animation (sendAnimation)',
		},
		{
			value: 'sendSticker',
			module: sendSticker,
			action: 'Send a sticker image',
			description: 'Send a WEBP, TGS or WEBM sticker (sendSticker)',
		},
		{
			value: 'sendVideoNote',
			module: sendVideoNote,
			action: 'Send a video note',
			description: 'Send a round video message (sendVideoNote)',
		},
		{
			value: 'sendMediaGroup',
			module: sendMediaGroup,
			action: 'Send an album of media',
			description: 'Send 2–10 photos, videos, documents or audios as one album (sendMediaGroup)',
		},
		{
			value: 'sendLocation',
			module: sendLocation,
			action: 'Send a map location',
			description: 'Send a point on the map (sendLocation)',
		},
		{
			value: 'sendPoll',
			module: sendPoll,
			action: 'Send a poll',
			description: 'Send a poll or a quiz (sendPoll)',
		},
		{
			value: 'sendDice',
			module: sendDice,
			action: 'Send a dice',
			description: 'Send an animated dice, dart or slot machine with a random value (sendDice)',
		},
		{
			value: 'sendChatAction',
			module: sendChatAction,
			action: 'Show a chat action',
			description:
				'Show "typing…" or "sending photo…" in the chat for a few seconds (sendChatAction)',
		},
		{
			value: 'forwardMessage',
			module: forwardMessage,
			action: 'Forward a message',
			description:
				'Forward a message from another chat, showing where it came from (forwardMessage)',
		},
		{
			value: 'copyMessage',
			module: copyMessage,
			action: 'Copy a message',
			description:
				'Send a copy of a message from another chat, without the forward header (copyMessage)',
		},
		{
			value: 'editMessageText',
			module: editMessageText,
			action: 'Edit the text of a message',
			description: 'Replace the text (and buttons) of a message the bot sent (editMessageText)',
		},
		{
			value: 'editMessageCaption',
			module: editMessageCaption,
			action: 'Edit the caption of a message',
			description: 'Replace the caption of a media message the bot sent (editMessageCaption)',
		},
		{
			value: 'editMessageReplyMarkup',
			module: editMessageReplyMarkup,
			action: 'Edit the buttons of a message',
			description: 'Replace or remove the inline keyboard of a message (editMessageReplyMarkup)',
		},
		{
			value: 'deleteMessage',
			module: deleteMessage,
			action: 'Delete a message',
			description:
				'Delete a message; bots can delete their own messages and, as admins, others (deleteMessage)',
		},
		{
			value: 'pinMessage',
			module: pinMessage,
			action: 'Pin a message',
			description: 'Pin a message in a chat where the bot may pin (pinChatMessage)',
		},
		{
			value: 'unpinMessage',
			module: unpinMessage,
			action: 'Unpin a message',
			description: 'Unpin one pinned message (unpinChatMessage)',
		},
	],
	'sendMessage',
);
