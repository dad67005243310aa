import {
	EXAMPLE_GROUP,
	EXAMPLE_MESSAGE,
	EXAMPLE_PHOTO_MESSAGE,
	EXAMPLE_URL,
	exampleChat,
} from '../examples';
import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { copyMessage } from './copyMessage.operation';
import { editMessageCaption } from './editMessageCaption.operation';
import { editMessageReplyMarkup } from './editMessageReplyMarkup.operation';
import { editMessageText } from './editMessageText.operation';
import { forwardMessage } from './forwardMessage.operation';
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
import { rows } from './simple';
import { copyMessages } from './copyMessages.operation';
import { editMessageMedia } from './editMessageMedia.operation';
import { forwardMessages } from './forwardMessages.operation';
import { sendContact } from './sendContact.operation';
import { sendVenue } from './sendVenue.operation';

const media = { parameters: { chatId: exampleChat, source: 'reference', file: EXAMPLE_URL } };

export const message: Resource = {
	value: 'message',
	name: 'Message',
	defaultOperation: 'sendMessage',
	operations: [
		...rows.map((spec) => rowEntry('message', spec)),
		{
			value: 'sendMessage',
			module: sendMessage,
			method: 'sendMessage',
			example: { parameters: { chatId: exampleChat, text: 'Suspicious login from 203.0.113.7' } },
			action: 'Send a message',
			description:
				'Send a text message to a user, group or channel; long texts are split (sendMessage)',
		},
		{
			value: 'sendAndWait',
			module: sendAndWait,
			// Then n8n's wait; the answer edits the message (editMessageText) and answers the press.
			method: 'sendMessage',
			example: {
				parameters: { chatId: exampleChat, text: 'Isolate host web-7?', responseType: 'approval' },
			},
			readme: {
				inputs:
					'`chatId`, `text`, `responseType` (`approval`, `customButtons`, `freeText`); approval type, labels, Approvals Required, buttons, Approvers; options: Answer With (buttons in the chat / links to n8n), Time Limit, Reply Placeholder, the send options',
				output:
					'one item: `approved`, `text` (chosen value or reply), `respondedBy` (`id`, `username`, `name`), `respondedAt`, `approvals`, `timedOut`, `chatId`, `messageId`; see [Send and Wait](#send-and-wait-for-response)',
			},
			action: 'Send a message and wait for response',
			description:
				'Send a request with approve/decline or custom buttons, or for a reply, and pause until someone answers in the chat (sendMessage + a Telegram Bot trigger)',
		},
		{
			value: 'sendPhoto',
			module: sendPhoto,
			method: 'sendPhoto',
			example: media,
			action: 'Send a photo',
			description:
				'Send a picture from a binary field, a URL or a file_id, with a caption (sendPhoto)',
		},
		{
			value: 'sendDocument',
			module: sendDocument,
			method: 'sendDocument',
			example: {
				parameters: { chatId: exampleChat, source: 'binary', binaryPropertyName: 'report' },
				binary: true,
			},
			action: 'Send a document file',
			description: 'Send any file, such as a PDF report or evidence export (sendDocument)',
		},
		{
			value: 'sendVideo',
			module: sendVideo,
			method: 'sendVideo',
			example: media,
			action: 'Send a video file',
			description: 'Send an MP4 video (sendVideo)',
		},
		{
			value: 'sendAudio',
			module: sendAudio,
			method: 'sendAudio',
			example: media,
			action: 'Send an audio track',
			description: 'Send music or another audio file shown in the player (sendAudio)',
		},
		{
			value: 'sendVoice',
			module: sendVoice,
			method: 'sendVoice',
			example: media,
			action: 'Send a voice message',
			description: 'Send an OGG/Opus voice message (sendVoice)',
		},
		{
			value: 'sendAnimation',
			module: sendAnimation,
			method: 'sendAnimation',
			example: media,
			action: 'Send an animation',
			description: 'Send a GIF or silent MP4 animation (sendAnimation)',
		},
		{
			value: 'sendSticker',
			module: sendSticker,
			method: 'sendSticker',
			example: media,
			action: 'Send a sticker image',
			description: 'Send a WEBP, TGS or WEBM sticker (sendSticker)',
		},
		{
			value: 'sendVideoNote',
			module: sendVideoNote,
			method: 'sendVideoNote',
			example: media,
			action: 'Send a video note',
			description: 'Send a round video message (sendVideoNote)',
		},
		{
			value: 'sendMediaGroup',
			module: sendMediaGroup,
			method: 'sendMediaGroup',
			example: {
				parameters: {
					chatId: exampleChat,
					media: {
						items: [
							{ source: 'reference', type: 'photo', file: EXAMPLE_URL },
							{ source: 'reference', type: 'photo', file: EXAMPLE_URL },
						],
					},
				},
			},
			action: 'Send an album of media',
			description: 'Send 2–10 photos, videos, documents or audios as one album (sendMediaGroup)',
		},
		{
			value: 'sendLocation',
			module: sendLocation,
			method: 'sendLocation',
			example: { parameters: { chatId: exampleChat, latitude: 52.52, longitude: 13.4 } },
			action: 'Send a map location',
			description: 'Send a point on the map (sendLocation)',
		},
		{
			value: 'sendPoll',
			module: sendPoll,
			method: 'sendPoll',
			example: { parameters: { chatId: exampleChat, question: 'Ship it?', answers: 'yes\nno' } },
			action: 'Send a poll',
			description: 'Send a poll or a quiz (sendPoll)',
		},
		{
			value: 'sendDice',
			module: sendDice,
			method: 'sendDice',
			example: { parameters: { chatId: exampleChat } },
			action: 'Send a dice',
			description: 'Send an animated dice, dart or slot machine with a random value (sendDice)',
		},
		{
			value: 'sendChatAction',
			module: sendChatAction,
			method: 'sendChatAction',
			readme: { output: '`{ ok: true }`' },
			example: { parameters: { chatId: exampleChat, action: 'typing' } },
			action: 'Show a chat action',
			description:
				'Show "typing…" or "sending photo…" in the chat for a few seconds (sendChatAction)',
		},
		{
			value: 'forwardMessage',
			module: forwardMessage,
			method: 'forwardMessage',
			example: {
				parameters: {
					chatId: exampleChat,
					fromChatId: String(EXAMPLE_GROUP),
					messageId: EXAMPLE_MESSAGE,
				},
			},
			action: 'Forward a message',
			description:
				'Forward a message from another chat, showing where it came from (forwardMessage)',
		},
		{
			value: 'copyMessage',
			module: copyMessage,
			method: 'copyMessage',
			example: {
				parameters: {
					chatId: exampleChat,
					fromChatId: String(EXAMPLE_GROUP),
					messageId: EXAMPLE_MESSAGE,
					caption: '',
				},
			},
			action: 'Copy a message',
			description:
				'Send a copy of a message from another chat, without the forward header (copyMessage)',
		},
		{
			value: 'editMessageText',
			module: editMessageText,
			method: 'editMessageText',
			readme: { output: 'the edited Message' },
			example: { parameters: { chatId: exampleChat, messageId: EXAMPLE_MESSAGE, text: 'new' } },
			action: 'Edit the text of a message',
			description: 'Replace the text (and buttons) of a message the bot sent (editMessageText)',
		},
		{
			value: 'editMessageCaption',
			module: editMessageCaption,
			method: 'editMessageCaption',
			readme: { output: 'the edited Message' },
			example: {
				parameters: { chatId: exampleChat, messageId: EXAMPLE_PHOTO_MESSAGE, caption: 'new' },
			},
			action: 'Edit the caption of a message',
			description: 'Replace the caption of a media message the bot sent (editMessageCaption)',
		},
		{
			value: 'editMessageReplyMarkup',
			module: editMessageReplyMarkup,
			method: 'editMessageReplyMarkup',
			readme: { output: 'the edited Message' },
			example: {
				parameters: { chatId: exampleChat, messageId: EXAMPLE_MESSAGE, replyMarkup: 'none' },
			},
			action: 'Edit the buttons of a message',
			description: 'Replace or remove the inline keyboard of a message (editMessageReplyMarkup)',
		},
		{
			value: 'sendContact',
			module: sendContact,
			method: 'sendContact',
			example: {
				parameters: {
					chatId: exampleChat,
					phoneNumber: '+49 30 1234567',
					firstName: 'Security Desk',
				},
				sends: {
					chat_id: EXAMPLE_GROUP,
					phone_number: '+49 30 1234567',
					first_name: 'Security Desk',
				},
			},
			action: 'Send a contact',
			description:
				'Send a phone contact, e.g. the on-call desk, with an optional vCard (sendContact)',
		},
		{
			value: 'sendVenue',
			module: sendVenue,
			method: 'sendVenue',
			example: {
				parameters: {
					chatId: exampleChat,
					latitude: 50.1109,
					longitude: 8.6821,
					title: 'Data Centre Frankfurt 2',
					address: 'Hanauer Landstraße 300',
				},
				sends: {
					chat_id: EXAMPLE_GROUP,
					latitude: 50.1109,
					longitude: 8.6821,
					title: 'Data Centre Frankfurt 2',
					address: 'Hanauer Landstraße 300',
				},
			},
			action: 'Send a venue',
			description: 'Send a place with its name and address on a map (sendVenue)',
		},
		{
			value: 'forwardMessages',
			module: forwardMessages,
			method: 'forwardMessages',
			example: {
				parameters: { chatId: exampleChat, fromChatId: String(EXAMPLE_GROUP), messageIds: '5, 4' },
				sends: { chat_id: EXAMPLE_GROUP, from_chat_id: EXAMPLE_GROUP, message_ids: [4, 5] },
			},
			action: 'Forward several messages',
			description:
				'Forward up to 100 messages of one chat at once, albums kept together (forwardMessages)',
			readme: { output: 'one item per message forwarded: its new `message_id`' },
		},
		{
			value: 'copyMessages',
			module: copyMessages,
			method: 'copyMessages',
			example: {
				parameters: { chatId: exampleChat, fromChatId: String(EXAMPLE_GROUP), messageIds: '4, 5' },
				sends: { chat_id: EXAMPLE_GROUP, from_chat_id: EXAMPLE_GROUP, message_ids: [4, 5] },
			},
			action: 'Copy several messages',
			description:
				'Copy up to 100 messages of one chat without a link to the originals (copyMessages)',
			readme: { output: 'one item per message copied: its new `message_id`' },
		},
		{
			value: 'editMessageMedia',
			module: editMessageMedia,
			method: 'editMessageMedia',
			example: {
				parameters: {
					chatId: exampleChat,
					messageId: EXAMPLE_PHOTO_MESSAGE,
					mediaType: 'photo',
					source: 'binary',
					binaryPropertyName: 'report',
				},
				binary: true,
				sends: {
					chat_id: String(EXAMPLE_GROUP),
					message_id: String(EXAMPLE_PHOTO_MESSAGE),
					media: { type: 'photo', media: 'attach://media' },
				},
			},
			action: 'Replace the media of a message',
			description:
				'Replace the photo, video, animation, audio or document of a message, and its caption (editMessageMedia)',
			readme: {
				inputs:
					'the message (`chatId` + `messageId`, or an inline message ID), media type, the file (binary field, URL or file_id), caption',
			},
		},
	],
};
