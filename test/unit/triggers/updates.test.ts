import { afterEach, describe, expect, it } from 'vitest';

import { commandOf } from '../../../nodes/shared/updates/command';
import { defaultCredentials, emulatorPerFile, TriggerUnderTest } from '../../harness';
import { tokenLeaks } from '../../leaks';
import { ada, channel, eve, group, messageUpdate, nextUpdateId } from './setup';

const emulator = emulatorPerFile({ selfHosted: true });
let trigger: TriggerUnderTest;
afterEach(async () => await trigger?.close());

async function activeTrigger(options: Record<string, unknown> = {}, updates = ['*']) {
	trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
		updates,
		options,
	} as never);
	await trigger.listen();
	await trigger.activate();
	return trigger;
}

function commandUpdate(text: string) {
	const length = /^\/\S+/.exec(text)![0].length;
	return messageUpdate(text, { entities: [{ type: 'bot_command', offset: 0, length }] });
}

describe('bot commands', () => {
	it.each([
		['/compliance soc2', { command: 'compliance', args: ['soc2'] }],
		['/compliance@compliance_test_bot soc2  q3', { command: 'compliance', args: ['soc2', 'q3'] }],
		['/Compliance@Compliance_Test_Bot', { command: 'Compliance', args: [] }],
		['/start@other_bot', null],
		['hello /start', null],
		['plain text', null],
	])('%s', (text, expected) => {
		const update = text.startsWith('/') ? commandUpdate(text) : messageUpdate(text);
		expect(commandOf(update.message, 'compliance_test_bot')).toEqual(expected);
	});

	it('reads a command without entities the way Telegram marks it, and in a caption', () => {
		expect(commandOf({ text: '/status@any_bot now' })).toEqual({
			command: 'status',
			args: ['now'],
		});
		expect(
			commandOf({
				caption: '/evidence case-7',
				caption_entities: [{ type: 'bot_command', offset: 0, length: 9 }],
			}),
		).toEqual({ command: 'evidence', args: ['case-7'] });
	});

	it('the item carries command and commandArgs; the Commands option lets only those through', async () => {
		await activeTrigger({ commands: '/compliance, status' });
		expect(emulator.callsOf('getMe')).toHaveLength(1);
		expect(trigger.staticData.botUsername).toBe('compliance_test_bot');
		const answers = [];
		for (const text of [
			'/compliance soc2',
			'/compliance@compliance_test_bot iso27001',
			'/compliance@other_bot soc2',
			'/help',
		]) {
			answers.push((await emulator.deliver(commandUpdate(text))).status);
		}
		answers.push((await emulator.deliver(messageUpdate('no command'))).status);
		expect(answers).toEqual([200, 200, 200, 200, 200]);
		expect(trigger.emitted.map(([item]) => [item.json.command, item.json.commandArgs])).toEqual([
			['compliance', ['soc2']],
			['compliance', ['iso27001']],
		]);
	});
});

describe('chat and user filters', () => {
	it('only the listed chats start the workflow, whatever the update type; no chat means no start', async () => {
		await activeTrigger({ chatIds: '-1001234567890, @secalerts' });
		const deliveries = [
			messageUpdate('allowed group'),
			messageUpdate('other group', { chat: { ...group, id: -100555 } }),
			{
				update_id: nextUpdateId(),
				channel_post: { message_id: 2, date: 1_795_253_400, chat: channel, text: 'by username' },
			},
			{
				update_id: nextUpdateId(),
				callback_query: {
					id: 'cb',
					from: eve,
					chat_instance: 'i',
					data: 'approve',
					message: { message_id: 3, date: 1_795_253_400, chat: group, text: 'Approve?' },
				},
			},
			{
				update_id: nextUpdateId(),
				inline_query: { id: 'q', from: ada, query: 'soc2', offset: '' },
			},
			{
				update_id: nextUpdateId(),
				my_chat_member: { chat: { ...group, id: -100555 }, from: ada, date: 1 },
			},
		];
		for (const update of deliveries) expect((await emulator.deliver(update)).status).toBe(200);
		expect(trigger.emitted.map(([item]) => item.json.text ?? item.json.updateType)).toEqual([
			'allowed group',
			'by username',
			'Approve?',
		]);
	});

	it('only the listed users start the workflow; an update without a sender is dropped', async () => {
		await activeTrigger({ userIds: '1001' });
		await emulator.deliver(messageUpdate('from Ada'));
		await emulator.deliver(messageUpdate('from Eve', { from: eve }));
		await emulator.deliver({
			update_id: nextUpdateId(),
			channel_post: { message_id: 2, date: 1_795_253_400, chat: channel, text: 'no sender' },
		});
		await emulator.deliver({
			update_id: nextUpdateId(),
			poll_answer: { poll_id: 'p', user: ada, option_ids: [0] },
		});
		expect(trigger.emitted.map(([item]) => item.json.updateType)).toEqual([
			'message',
			'poll_answer',
		]);
	});

	it.each([
		[{ chatIds: 'security team' }, /Chat IDs: "security" is neither a chat ID/],
		[{ userIds: '@ada' }, /User IDs: "@ada" is not a user ID/],
		[{ commands: '/deploy-now' }, /Commands: "\/deploy-now" is not a bot command/],
	])('a malformed list fails the activation: %o', async (options, message) => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options,
		} as never);
		await trigger.listen();
		await expect(trigger.activate()).rejects.toThrow(message);
		expect(emulator.callsOf('setWebhook')).toHaveLength(0);
	});
});

describe('redelivered updates', () => {
	it('the same update_id twice starts one execution and answers 200 both times', async () => {
		await activeTrigger();
		const update = messageUpdate('once');
		expect((await emulator.deliver(update)).status).toBe(200);
		expect((await emulator.deliver(update)).status).toBe(200);
		expect(trigger.emitted).toHaveLength(1);
	});

	it('a redelivery while the first answer is still pending starts nothing either', async () => {
		// Telegram sends again when the answer is slow; here a slow file download holds it back.
		const file = emulator.addFile(300, 'documents/slow.pdf', 'application/pdf');
		await activeTrigger({ downloadFiles: true });
		emulator.failNext('getFile', {
			delayMs: 300,
			status: 400,
			description: 'Bad Request: file is too big',
		});
		const update = messageUpdate('', {
			document: { file_id: file.file_id, file_unique_id: 'u', file_size: 300 },
		});
		const answers = await Promise.all([emulator.deliver(update), emulator.deliver(update)]);
		expect(answers.map((a) => a.status)).toEqual([200, 200]);
		expect(trigger.emitted).toHaveLength(1);
	});
});

describe('files', () => {
	it('downloads the largest photo size into the binary property', async () => {
		const small = emulator.addFile(100, 'photos/small.jpg', 'image/jpeg');
		const large = emulator.addFile(5000, 'photos/large.jpg', 'image/jpeg');
		await activeTrigger({ downloadFiles: true, binaryProperty: 'evidence' });
		const answer = await emulator.deliver(
			messageUpdate('', {
				text: undefined,
				caption: 'screenshot',
				photo: [
					{ file_id: small.file_id, file_unique_id: 's', width: 90, height: 90, file_size: 100 },
					{
						file_id: large.file_id,
						file_unique_id: 'l',
						width: 1280,
						height: 960,
						file_size: 5000,
					},
				],
			}),
		);
		expect(answer.status).toBe(200);
		const [[item]] = trigger.emitted;
		expect(emulator.callsOf('getFile').map((call) => call.params.file_id)).toEqual([large.file_id]);
		expect(item.binary?.evidence).toMatchObject({ fileName: 'large.jpg', mimeType: 'image/jpeg' });
		expect(Buffer.from(item.binary!.evidence.data, 'base64')).toHaveLength(5000);
		expect(item.json.error).toBeUndefined();
	});

	it.each(['document', 'video', 'audio', 'voice', 'animation', 'sticker', 'video_note'])(
		'downloads a %s',
		async (kind) => {
			const file = emulator.addFile(300, `${kind}s/file.bin`, 'application/octet-stream');
			await activeTrigger({ downloadFiles: true });
			await emulator.deliver(
				messageUpdate('', {
					text: undefined,
					[kind]: { file_id: file.file_id, file_unique_id: 'u', file_size: 300 },
				}),
			);
			expect(trigger.emitted[0][0].binary?.data).toBeDefined();
		},
	);

	it('a file over the limit: no download, an error field, still 200', async () => {
		const file = emulator.addFile(30 * 1024 * 1024, 'videos/huge.mp4', 'video/mp4');
		await activeTrigger({ downloadFiles: true });
		const answer = await emulator.deliver(
			messageUpdate('', {
				text: undefined,
				video: { file_id: file.file_id, file_unique_id: 'u', file_size: file.file_size },
			}),
		);
		expect(answer.status).toBe(200);
		expect(emulator.callsOf('getFile')).toHaveLength(0);
		const [[item]] = trigger.emitted;
		expect(item.json.error).toBe(
			'Download File: the video is 30 MB, over the 20 MB limit set in "Max File Size"; it was not downloaded',
		);
		expect(item.binary).toBeUndefined();
	});

	it.each([
		[
			'Telegram refuses the file',
			() =>
				emulator.failNext('getFile', { status: 400, description: 'Bad Request: file is too big' }),
			/Download File failed \(400\): Bad Request: file is too big/,
		],
		[
			'the download is gone',
			() => emulator.failNext('download', { status: 404 }),
			/Download File failed \(404\)/,
		],
		[
			'the server is down',
			() => emulator.failNext('getFile', { status: 502, rawBody: '<html>502</html>' }, 10),
			/Download File failed \(502\)/,
		],
	])('%s: an error field, still 200, no token', async (_name, arm, message) => {
		const file = emulator.addFile(300, 'documents/a.pdf', 'application/pdf');
		await activeTrigger({ downloadFiles: true });
		arm();
		const answer = await emulator.deliver(
			messageUpdate('', {
				text: undefined,
				document: { file_id: file.file_id, file_unique_id: 'u', file_size: 300 },
			}),
		);
		expect(answer.status).toBe(200);
		const [[item]] = trigger.emitted;
		expect(String(item.json.error)).toMatch(message);
		expect(tokenLeaks(trigger.emitted)).toEqual([]);
	});

	it('a filtered update downloads nothing: the restriction holds with downloads on', async () => {
		const file = emulator.addFile(300, 'documents/b.pdf', 'application/pdf');
		await activeTrigger({ downloadFiles: true, userIds: '1001' });
		await emulator.deliver(
			messageUpdate('', {
				from: eve,
				document: { file_id: file.file_id, file_unique_id: 'u', file_size: 300 },
			}),
		);
		expect(trigger.emitted).toHaveLength(0);
		expect(emulator.callsOf('getFile')).toHaveLength(0);
		expect(emulator.callsOf('download')).toHaveLength(0);
	});
});
