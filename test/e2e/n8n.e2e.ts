/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { join } from 'node:path';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { chat, from } from './fixtures';
import { N8nInstance, ROOT } from './n8nProcess';

const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();

beforeAll(async () => {
	await emulator.start();
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN);
	const workflows = await n8n.cli([
		'import:workflow',
		'--separate',
		`--input=${join(ROOT, 'test/e2e/workflows')}`,
	]);
	expect(workflows.code, workflows.stderr).toBe(0);
});

afterAll(async () => {
	await n8n.dispose();
	await emulator.stop();
});

describe('the packed package inside n8n', () => {
	it('runs every action operation of the contract', async () => {
		const { code, execution, stderr } = await n8n.execute('wfTgActions00001');
		expect(code, stderr).toBe(0);
		const runData = execution!.data.resultData.runData;
		const out = (node: string) => runData[node][0].data!.main[0].map((item) => item.json);
		expect(out('Get Bot')).toEqual([
			expect.objectContaining({ id: 7012345678, username: 'compliance_test_bot' }),
		]);
		expect(out('Send Message')).toEqual([
			expect.objectContaining({
				text: 'Hello from @compliance_test_bot',
				chat: expect.objectContaining({ id: -1001234567890 }),
			}),
		]);
		expect(out('Create Webhook')).toEqual([{ ok: true, description: 'Webhook was set' }]);
		expect(out('Get Webhook Info')).toEqual([
			expect.objectContaining({ url: 'https://n8n.example.com/webhook/e2e' }),
		]);
		expect(out('Remove Webhook')).toEqual([{ ok: true, description: 'Webhook was deleted' }]);
		expect(emulator.callsOf('setWebhook')[0].params).toMatchObject({
			url: 'https://n8n.example.com/webhook/e2e',
			secret_token: 'e2e_secret-123',
		});
		expect(emulator.callsOf('getUpdates')).toHaveLength(1);
	});

	it('continues on fail with one item per input item', async () => {
		emulator.addChat({ id: -100555, type: 'supergroup', title: 'Gone' });
		emulator.chats.delete('-100555');
		for (const id of [1001, -100555, -4001]) {
			emulator.pushUpdate({
				message: {
					message_id: 1,
					date: 1_795_253_400,
					chat: { id, type: id > 0 ? 'private' : 'group', title: 'x', first_name: 'x' },
					text: 'hi',
				},
			} as never);
		}
		const { code, execution, stderr } = await n8n.execute('wfTgContinue0001');
		expect(code, stderr).toBe(0);
		const items = execution!.data.resultData.runData['Send Message'][0].data!.main[0].map(
			(item) => item.json,
		);
		expect(items).toHaveLength(3);
		expect(items[0]).toMatchObject({ chat: { id: 1001 } });
		expect(items[1]).toMatchObject({
			error: 'Send Message failed (400): Bad Request: chat not found',
			httpCode: 400,
		});
		expect(items[2]).toMatchObject({ chat: { id: -4001 } });
	});

	it('fails the run with the operation, status and description', async () => {
		const { code, stdout, stderr, fileLog } = await n8n.execute('wfTgFailure00001');
		expect(code).not.toBe(0);
		expect(`${stdout}\n${stderr}\n${fileLog}`).toContain(
			'Send Message failed (400): Bad Request: chat not found',
		);
	});

	it('activates the trigger, answers deliveries, and deactivates', async () => {
		const published = await n8n.cli(['publish:workflow', '--id=wfTgTrigger00001']);
		expect(published.code, published.stderr).toBe(0);
		const before = emulator.callsOf('setWebhook').length;
		await n8n.start();
		const registration = await n8n.until(
			'setWebhook from n8n',
			() => emulator.callsOf('setWebhook')[before],
		);
		const hookUrl = `${n8n.baseUrl}/webhook/e2e-trigger-hook/webhook`;
		expect(registration.params).toMatchObject({
			url: hookUrl,
			allowed_updates: ['message', 'callback_query'],
		});
		expect(String(registration.params.secret_token)).toMatch(/^[A-Za-z0-9_-]{32,}$/);

		const update = {
			update_id: 900001,
			message: {
				message_id: 77,
				date: 1_795_253_400,
				chat,
				from,
				text: 'ping from e2e',
			},
		};
		// The webhook registers a moment after the server answers: retry until it is there.
		await n8n.until('the webhook to accept deliveries', async () =>
			(await emulator.deliver(update)).status === 200 ? true : undefined,
		);
		const echo = await n8n.until('the echo', () =>
			emulator.callsOf('sendMessage').find((call) => call.params.text === 'Echo: ping from e2e'),
		);
		expect(echo.params.chat_id).toBe(1001);

		// Download Files is on: a photo's largest size reaches the workflow as binary data.
		const small = emulator.addFile(100, 'photos/small.jpg', 'image/jpeg');
		const large = emulator.addFile(4096, 'photos/evidence.jpg', 'image/jpeg');
		const photo = (file: typeof small, width: number) => ({
			file_id: file.file_id,
			file_unique_id: file.file_unique_id,
			width,
			height: width,
			file_size: file.file_size,
		});
		const photoAnswer = await emulator.deliver({
			update_id: 900010,
			message: {
				...update.message,
				message_id: 78,
				text: undefined,
				caption: 'evidence',
				photo: [photo(small, 90), photo(large, 1280)],
			},
		});
		expect(photoAnswer.status).toBe(200);
		await n8n.until('the echo of the photo', () =>
			emulator
				.callsOf('sendMessage')
				.find((call) => call.params.text === 'Echo: evidence + evidence.jpg (image/jpeg)'),
		);
		expect(emulator.callsOf('download').map((call) => call.params.path)).toContain(
			'photos/evidence.jpg',
		);

		const sentBefore = emulator.callsOf('sendMessage').length;
		const forged = await emulator.deliver(
			{ ...update, update_id: 900002, message: { ...update.message, text: 'forged' } },
			{ secret: null },
		);
		expect(forged.status).toBe(403);
		const wrong = await emulator.deliver(
			{ ...update, update_id: 900003 },
			{ secret: 'not-the-secret' },
		);
		expect(wrong.status).toBe(403);
		await new Promise((r) => setTimeout(r, 1500));
		expect(emulator.callsOf('sendMessage').length).toBe(sentBefore);

		await n8n.deactivate('wfTgTrigger00001');
		await n8n.until(
			'deleteWebhook from n8n',
			() => emulator.callsOf('deleteWebhook').length > 1 || undefined,
		);
		expect(emulator.bot().webhook.url).toBe('');
	});

	it('polls without a webhook: filters commands, echoes, and aborts its long poll on deactivation', async () => {
		const polls = emulator.callsOf('getUpdates').length;
		await n8n.activate('wfTgPolling00001');
		await n8n.until('the first poll', () => emulator.callsOf('getUpdates')[polls]);

		emulator.pushUpdate({
			message: { message_id: 80, date: 1_795_253_400, chat, from, text: 'not a command' },
		} as never);
		emulator.pushUpdate({
			message: {
				message_id: 81,
				date: 1_795_253_400,
				chat,
				from,
				text: '/compliance@compliance_test_bot soc2',
				entities: [{ type: 'bot_command', offset: 0, length: 31 }],
			},
		} as never);
		const report = emulator.addFile(2048, 'documents/soc2.pdf', 'application/pdf');
		emulator.pushUpdate({
			message: {
				message_id: 82,
				date: 1_795_253_400,
				chat,
				from,
				caption: '/compliance evidence',
				caption_entities: [{ type: 'bot_command', offset: 0, length: 11 }],
				document: {
					file_id: report.file_id,
					file_unique_id: report.file_unique_id,
					file_name: 'soc2.pdf',
					mime_type: 'application/pdf',
					file_size: report.file_size,
				},
			},
		} as never);
		const polled = () =>
			emulator
				.callsOf('sendMessage')
				.filter((call) => String(call.params.text).startsWith('Polled:'));
		await n8n.until('the echoes of the polled commands', () => polled().length === 2 || undefined);
		// Each update is an execution of its own and n8n runs them side by side, so the two echoes may
		// arrive in either order (the README says so under "Order across updates is not kept").
		expect(polled().map((call) => call.params)).toHaveLength(2);
		expect(polled().map((call) => call.params)).toEqual(
			expect.arrayContaining([
				expect.objectContaining({ chat_id: 1001, text: 'Polled: compliance soc2' }),
				expect.objectContaining({ chat_id: 1001, text: 'Polled: compliance evidence + soc2.pdf' }),
			]),
		);
		await n8n.until(
			'the backlog to be confirmed',
			() => emulator.bot().updates.length === 0 || undefined,
		);

		await n8n.deactivate('wfTgPolling00001');
		await n8n.until(
			'the held poll to be aborted',
			() => emulator.callsOf('getUpdates').some((call) => call.aborted) || undefined,
		);
		expect(polled()).toHaveLength(2);
	});

	it('leaves the token nowhere in n8n: database, -wal, config, logs at debug level', async () => {
		await n8n.stop();
		const files = n8n.everyFile();
		expect(files.some((file) => file.path.endsWith('database.sqlite'))).toBe(true);
		// The whole token, and every run of 8 characters of its secret half.
		expect(n8n.filesHoldingToken()).toEqual([]);
		expect(n8n.log()).toContain('Send Message failed (400)');
	});
});
