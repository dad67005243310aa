import { afterEach, describe, expect, it } from 'vitest';

import { webhookUrlProblem } from '../../../nodes/shared/webhookUrl';
import { defaultCredentials, emulatorPerFile, TriggerUnderTest } from '../../harness';
import { tokenLeaks } from '../../leaks';

const emulator = emulatorPerFile({ selfHosted: true });
let trigger: TriggerUnderTest;
afterEach(async () => await trigger?.close());

async function activeTrigger(parameters: Record<string, unknown> = { updates: ['*'] }) {
	trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), parameters as never);
	await trigger.listen();
	await trigger.activate();
	return trigger;
}

const chats = {
	group: { id: -1001234567890, type: 'supergroup', title: 'Security Operations' },
	private: { id: 1001, type: 'private', first_name: 'Ada', last_name: 'Lovelace' },
	channel: { id: -1009876543210, type: 'channel', title: 'Alerts' },
};

describe('activation and deactivation', () => {
	it('registers the webhook with a random secret and the chosen update types, then removes it', async () => {
		await activeTrigger({ updates: ['message', 'callback_query'] });
		const [call] = emulator.callsOf('setWebhook');
		expect(call.params.url).toBe(trigger.webhookUrl);
		expect(call.params.allowed_updates).toEqual(['message', 'callback_query']);
		expect(String(call.params.secret_token)).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
		expect(trigger.staticData.secretToken).toBe(call.params.secret_token);
		expect(await trigger.checkExists()).toBe(true);

		await trigger.deactivate();
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(1);
		expect(emulator.bot().webhook.url).toBe('');
		expect(trigger.staticData.secretToken).toBeUndefined();
	});

	it('two activations give two different secrets', async () => {
		await activeTrigger();
		const first = trigger.staticData.secretToken;
		await trigger.deactivate();
		await trigger.activate();
		expect(trigger.staticData.secretToken).not.toBe(first);
	});

	it('sends allowed_updates [] for "all"', async () => {
		await activeTrigger({ updates: ['*'] });
		expect(emulator.callsOf('setWebhook')[0].params.allowed_updates).toEqual([]);
	});

	it("refuses to replace someone else's webhook and names it", async () => {
		emulator.bot().webhook = { url: 'https://other.example.com/hook' };
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		await trigger.listen();
		await expect(trigger.activate()).rejects.toThrow(
			/already delivers its updates to https:\/\/other\.example\.com\/hook/,
		);
		expect(emulator.callsOf('setWebhook')).toHaveLength(0);
		expect(emulator.bot().webhook.url).toBe('https://other.example.com/hook');
	});

	it('takes it over when told to', async () => {
		emulator.bot().webhook = { url: 'https://other.example.com/hook' };
		await activeTrigger({ updates: ['*'], options: { takeOverWebhook: true } });
		expect(emulator.bot().webhook.url).toBe(trigger.webhookUrl);
	});

	it('never removes a webhook that is not its own', async () => {
		await activeTrigger();
		emulator.bot().webhook = { url: 'https://other.example.com/hook' };
		expect(await trigger.checkExists()).toBe(false);
		await trigger.deactivate();
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(0);
		expect(emulator.bot().webhook.url).toBe('https://other.example.com/hook');
	});

	it('re-registers when the update types changed', async () => {
		await activeTrigger({ updates: ['message'] });
		const changed = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['message', 'channel_post'],
		} as never);
		Object.assign(changed.staticData, trigger.staticData);
		changed.webhookUrl = trigger.webhookUrl;
		await changed.listen();
		emulator.bot().webhook.url = changed.webhookUrl;
		expect(await changed.checkExists()).toBe(false);
		await changed.close();
	});

	it('knows which webhook URLs Telegram accepts', () => {
		expect(
			webhookUrlProblem('http://localhost:5678/webhook/x', 'https://api.telegram.org'),
		).toMatch(/only posts to HTTPS URLs/);
		expect(
			webhookUrlProblem('https://n8n.example.com/webhook/x', 'https://api.telegram.org'),
		).toBeUndefined();
		expect(
			webhookUrlProblem('http://10.0.0.7:5678/webhook/x', 'http://10.0.0.5:8081'),
		).toBeUndefined();
		expect(webhookUrlProblem('ftp://x', 'http://10.0.0.5:8081')).toMatch(/must start with http/);
		expect(webhookUrlProblem('not a url', 'https://api.telegram.org')).toMatch(/is not a URL/);
	});

	it('a field mapping with a broken JSONPath fails activation', async () => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options: { fieldMapping: { mappings: [{ field: 'x', path: 'message.text' }] } },
		} as never);
		await trigger.listen();
		await expect(trigger.activate()).rejects.toThrow(/must be a JSONPath starting with \$/);
	});
});

describe('deliveries', () => {
	it('the round trip: a message becomes the contract item', async () => {
		await activeTrigger();
		const update = {
			update_id: 100001,
			message: {
				message_id: 5,
				date: 1_795_253_400,
				chat: chats.group,
				from: { id: 1001, is_bot: false, first_name: 'Ada' },
				text: 'Suspicious login from 203.0.113.7',
			},
		};
		const answer = await emulator.deliver(update);
		expect(answer.status).toBe(200);
		expect(trigger.emitted).toHaveLength(1);
		expect(trigger.emitted[0]).toEqual([
			{
				json: {
					updateId: 100001,
					updateType: 'message',
					date: '2026-11-21T09:30:00.000Z',
					chatId: -1001234567890,
					chatTitle: 'Security Operations',
					text: 'Suspicious login from 203.0.113.7',
					command: null,
					commandArgs: [],
					update,
				},
			},
		]);
	});

	it.each([
		[
			'edited_message',
			{
				edited_message: {
					message_id: 5,
					date: 1_795_253_400,
					edit_date: 1_795_253_460,
					chat: chats.group,
					text: 'edited',
				},
			},
			{ chatTitle: 'Security Operations', text: 'edited' },
		],
		[
			'channel_post',
			{
				channel_post: {
					message_id: 9,
					date: 1_795_253_400,
					chat: chats.channel,
					text: 'deploy done',
				},
			},
			{ chatTitle: 'Alerts', chatId: -1009876543210, text: 'deploy done' },
		],
		[
			'callback_query',
			{
				callback_query: {
					id: 'cb1',
					from: { id: 1001, is_bot: false, first_name: 'Ada' },
					chat_instance: 'x',
					data: 'approve:42',
					message: {
						message_id: 3,
						date: 1_795_253_400,
						chat: chats.group,
						text: 'Approve change 42?',
					},
				},
			},
			{ chatTitle: 'Security Operations', text: 'Approve change 42?' },
		],
		[
			'private message',
			{
				message: {
					message_id: 1,
					date: 1_795_253_400,
					chat: chats.private,
					from: { id: 1001, is_bot: false, first_name: 'Ada' },
					text: '/start',
				},
			},
			{ chatTitle: 'Ada Lovelace', chatId: 1001, text: '/start' },
		],
		[
			'photo with caption',
			{
				message: {
					message_id: 2,
					date: 1_795_253_400,
					chat: chats.group,
					photo: [{ file_id: 'p', file_unique_id: 'u', width: 1, height: 1 }],
					caption: 'evidence',
				},
			},
			{ text: 'evidence' },
		],
	])('maps %s', async (_name, body, expected) => {
		await activeTrigger();
		await emulator.deliver({ update_id: 200, ...body });
		expect(trigger.emitted[0][0].json).toMatchObject({
			updateId: 200,
			date: '2026-11-21T09:30:00.000Z',
			...expected,
		});
	});

	it('an update without a message gives null fields, never missing ones', async () => {
		await activeTrigger();
		await emulator.deliver({
			update_id: 300,
			inline_query: { id: 'q', from: { id: 1 }, query: 'soc2', offset: '' },
		});
		expect(trigger.emitted[0][0].json).toEqual(
			expect.objectContaining({
				updateId: 300,
				updateType: 'inline_query',
				date: null,
				chatId: null,
				chatTitle: null,
				text: null,
			}),
		);
	});

	it('adds fields from JSONPath expressions, or replaces the defaults', async () => {
		await activeTrigger({
			updates: ['*'],
			options: {
				fieldMapping: {
					mappings: [
						{ field: 'sender', path: '$.message.from.first_name' },
						{ field: 'missing', path: '$.message.nothing' },
					],
				},
			},
		});
		await emulator.deliver({
			update_id: 1,
			message: {
				message_id: 1,
				date: 1_795_253_400,
				chat: chats.group,
				from: { id: 1, first_name: 'Ada' },
				text: 'hi',
			},
		});
		expect(trigger.emitted[0][0].json).toMatchObject({
			updateId: 1,
			text: 'hi',
			sender: 'Ada',
			missing: null,
		});
		await trigger.deactivate();
		await trigger.close();

		await activeTrigger({
			updates: ['*'],
			options: {
				fieldMappingMode: 'replace',
				fieldMapping: {
					mappings: [
						{ field: 'documentId', path: '$.update_id' },
						{ field: 'startTime', path: '$.message.date' },
						{ field: 'description', path: '$.message.chat.title' },
						{ field: 'body', path: '$.message.text' },
					],
				},
			},
		});
		const update = {
			update_id: 2,
			message: { message_id: 1, date: 1_795_253_400, chat: chats.group, text: 'hi' },
		};
		await emulator.deliver(update);
		expect(trigger.emitted[0][0].json).toEqual({
			documentId: 2,
			startTime: 1_795_253_400,
			description: 'Security Operations',
			body: 'hi',
			update,
		});
	});

	it.each([
		['no secret', { secret: null }],
		['a wrong secret', { secret: 'x'.repeat(43) }],
		['a secret of another length', { secret: 'short' }],
	])('answers 403 and starts nothing for %s', async (_name, options) => {
		await activeTrigger();
		const answer = await emulator.deliver(
			{ update_id: 1, message: { message_id: 1, date: 1, chat: chats.group, text: 'x' } },
			options,
		);
		expect(answer.status).toBe(403);
		expect(trigger.emitted).toHaveLength(0);
		expect(tokenLeaks(answer.body)).toEqual([]);
	});

	it.each([
		['a non-JSON body', 'this is not json'],
		['an empty body', ''],
		['a JSON array', '[1,2]'],
		['an object without update_id', '{"message":{}}'],
	])('answers 400 to %s without crashing', async (_name, rawBody) => {
		await activeTrigger();
		const answer = await emulator.deliver(null, { rawBody });
		expect(answer.status).toBe(400);
		expect(trigger.emitted).toHaveLength(0);
	});

	it('an update type not asked for answers 200 and starts nothing', async () => {
		await activeTrigger({ updates: ['callback_query'] });
		const answer = await emulator.deliver({
			update_id: 1,
			message: { message_id: 1, date: 1, chat: chats.group, text: 'x' },
		});
		expect(answer.status).toBe(200);
		expect(trigger.emitted).toHaveLength(0);
	});
});
