/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: waits and measures time */
import { afterEach, describe, expect, it } from 'vitest';

import { ACTIVATION_BUDGET_MS } from '../../../nodes/shared/activationBudget';
import {
	DEDUPE_WINDOW,
	staticDataLedger,
	webhookLedger,
} from '../../../nodes/shared/updates/dedupe';
import {
	CONFIRM_TIMEOUT_MS,
	FAILING_LIMIT_MS,
	MAX_WAIT_MS,
} from '../../../nodes/TelegramBotPollingTrigger/poller';
import {
	defaultCredentials,
	emulatorPerFile,
	PollingTriggerUnderTest,
	TriggerUnderTest,
} from '../../harness';
import { DEFAULT_TOKEN } from '../../emulator/server';
import { tokenLeaks } from '../../leaks';
import { callsArrive, messageUpdate, nextUpdateId, queuedMessage } from './setup';

const emulator = emulatorPerFile({ selfHosted: true });
let trigger: TriggerUnderTest | undefined;
let poller: PollingTriggerUnderTest | undefined;
afterEach(async () => {
	emulator.alwaysFail = undefined;
	await poller?.deactivate();
	poller = undefined;
	await trigger?.close();
	trigger = undefined;
});

async function webhookTrigger(options: Record<string, unknown> = {}) {
	trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
		updates: ['*'],
		options,
	} as never);
	await trigger.listen();
	await trigger.activate();
	return trigger;
}

function pollingTrigger(options: Record<string, unknown> = {}, staticData = {}) {
	poller = new PollingTriggerUnderTest(
		defaultCredentials(emulator.baseUrl),
		{ updates: ['*'], options: { pollTimeout: 1, ...options } } as never,
		[],
		staticData,
	);
	return poller;
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; error?: Error }> {
	const started = Date.now();
	try {
		await work();
		return { ms: Date.now() - started };
	} catch (error) {
		return { ms: Date.now() - started, error: error as Error };
	}
}

/** Passes activation (valid JSONPath) but throws on a message whose entities have no user. */
const throwingPath = '$.message.entities[?(@.user.id == 5)]';
const badMapping = {
	fieldMapping: {
		mappings: [
			{ field: 'mentioned', path: throwingPath },
			{ field: 'sender', path: '$.message.from.first_name' },
		],
	},
};

describe('a field mapping that throws on a real update costs that field, never the update', () => {
	it('webhook: answered 200, one execution, the field null with the reason; a redelivery starts nothing', async () => {
		await webhookTrigger(badMapping);
		const update = messageUpdate('/status', {
			entities: [{ type: 'bot_command', offset: 0, length: 7 }],
		});
		expect((await emulator.deliver(update)).status).toBe(200);
		expect(trigger!.emitted).toHaveLength(1);
		const [item] = trigger!.emitted[0];
		expect(item.json).toMatchObject({
			updateId: update.update_id,
			text: '/status',
			command: 'status',
			mentioned: null,
			sender: 'Ada',
			mappingErrors: {
				mentioned: expect.stringContaining(
					`JSONPath "${throwingPath}" failed on this update: jsonPath: Cannot read properties of undefined`,
				),
			},
		});
		expect(item.json.mappingErrors).not.toHaveProperty('sender');
		expect((await emulator.deliver(update)).status).toBe(200);
		expect(trigger!.emitted).toHaveLength(1);
	});

	it('replace mode keeps the reason too', async () => {
		await webhookTrigger({ ...badMapping, fieldMappingMode: 'replace' });
		await emulator.deliver(
			messageUpdate('x', { entities: [{ type: 'bold', offset: 0, length: 1 }] }),
		);
		expect(Object.keys(trigger!.emitted[0][0].json).sort()).toEqual([
			'mappingErrors',
			'mentioned',
			'sender',
			'update',
		]);
	});

	it('polling: the update is emitted, the offset moves on, the updates behind it follow', async () => {
		const first = emulator.pushUpdate(
			queuedMessage('x', { entities: [{ type: 'bold', offset: 0, length: 1 }] }),
		);
		const second = emulator.pushUpdate(queuedMessage('behind it'));
		await pollingTrigger(badMapping).activate();
		await poller!.until(2);
		expect(poller!.errors).toEqual([]);
		expect(poller!.emitted.map(([item]) => item.json.updateId)).toEqual([
			first.update_id,
			second.update_id,
		]);
		expect(poller!.emitted[0][0].json.mappingErrors).toHaveProperty('mentioned');
		expect(poller!.emitted[1][0].json).not.toHaveProperty('mappingErrors');
		await callsArrive(emulator, 'getUpdates', 2);
		expect(emulator.callsOf('getUpdates')[1].params.offset).toBe(second.update_id + 1);
	});
});

describe('a malformed update with the right secret is never a 5xx', () => {
	it('entities: [null] → 200, the command read from the text, the malformed entry named', async () => {
		await webhookTrigger();
		const update = messageUpdate('/status now', { entities: [null] });
		expect((await emulator.deliver(update)).status).toBe(200);
		expect(trigger!.emitted[0][0].json).toMatchObject({
			command: 'status',
			commandArgs: ['now'],
			malformed: ['message.entities[0] is null: skipped'],
		});
	});

	it('photo: [null] with Download Files on → 200, nothing downloaded, the malformed entry named', async () => {
		await webhookTrigger({ downloadFiles: true });
		const update = messageUpdate('', { photo: [null] });
		expect((await emulator.deliver(update)).status).toBe(200);
		const [item] = trigger!.emitted[0];
		expect(item.binary).toBeUndefined();
		expect(item.json.malformed).toEqual(['message.photo[0] is null: skipped']);
		expect(emulator.callsOf('getFile')).toHaveLength(0);
	});

	it('a photo list with one null size still downloads the good one', async () => {
		const file = emulator.addFile(100, 'photos/ok.jpg', 'image/jpeg');
		await webhookTrigger({ downloadFiles: true });
		const photo = { file_id: file.file_id, file_unique_id: 'u', width: 90, height: 90 };
		await emulator.deliver(messageUpdate('', { photo: [null, photo, 7] }));
		const [item] = trigger!.emitted[0];
		expect(item.binary?.data).toBeDefined();
		expect(item.json.malformed).toEqual([
			'message.photo[0] is null: skipped',
			'message.photo[2] is number: skipped',
		]);
	});

	it('every malformed shape of a known update type: 200 and one execution, with Download Files and a mapping on', async () => {
		await webhookTrigger({ downloadFiles: true, ...badMapping });
		const shapes: Array<Record<string, unknown>> = [
			{ message: null },
			{ message: 'text' },
			{ message: [] },
			{ message: { chat: null, from: null, text: 5, date: 'yesterday' } },
			{ message: { text: '/start', entities: [null, 5, 'x', []] } },
			{ message: { caption: '/x', caption_entities: [null] } },
			{ message: { text: { nested: true }, entities: [{ type: 'bot_command', offset: 0 }] } },
			{ message: { photo: [] } },
			{ message: { photo: [null, null] } },
			{ message: { document: null } },
			{ message: { document: 'a file' } },
			{ message: { document: {} } },
			{ edited_message: { chat: [], entities: null } },
			{ callback_query: null },
			{ callback_query: { message: 5 } },
			{ callback_query: { message: { chat: 'x', photo: [null] } } },
		];
		const problems: string[] = [];
		for (const shape of shapes) {
			const before = trigger!.emitted.length;
			const update = { update_id: nextUpdateId(), ...shape };
			const answer = await emulator.deliver(update);
			const started = trigger!.emitted.length - before;
			if (answer.status !== 200 || started !== 1)
				problems.push(`${JSON.stringify(shape)}: ${answer.status}, ${started} executions`);
		}
		expect(problems).toEqual([]);
	});

	it('polling: a malformed update neither stops the trigger nor holds back the ones behind it', async () => {
		emulator.pushUpdate(queuedMessage('/status', { entities: [null], photo: [null] }));
		const behind = emulator.pushUpdate(queuedMessage('behind it'));
		await pollingTrigger({ downloadFiles: true }).activate();
		await poller!.until(2);
		expect(poller!.errors).toEqual([]);
		expect(poller!.emitted[1][0].json.updateId).toBe(behind.update_id);
	});
});

describe('duplicates: what is remembered where, as n8n saves it', () => {
	it('webhook: n8n does not save static data of a delivery that starts an execution, and the trigger relies on none', async () => {
		await webhookTrigger();
		const update = messageUpdate('once');
		await emulator.deliver(update);
		await emulator.deliver(update);
		expect(trigger!.emitted).toHaveLength(1);
		// Only the activation's own entries: no dedupe window that n8n would silently drop.
		expect(Object.keys(trigger!.staticData).sort()).toEqual(['botUsername', 'secretToken']);
	});

	it(`webhook: the in-process window keeps the last ${DEDUPE_WINDOW} IDs handed over`, () => {
		const ledger = webhookLedger(`secret-${Date.now()}`);
		for (let id = 1; id <= DEDUPE_WINDOW + 1; id++) {
			expect(ledger.claim(id)).toBe(true);
			ledger.handedOver(id);
		}
		expect(ledger.claim(DEDUPE_WINDOW + 1)).toBe(false);
		expect(ledger.claim(2)).toBe(false);
		expect(ledger.claim(1)).toBe(true);
	});

	it('webhook: an update being handled is not claimed twice (a redelivery while the first answer is pending)', () => {
		const ledger = webhookLedger(`secret-${Date.now()}-2`);
		expect(ledger.claim(10)).toBe(true);
		expect(ledger.claim(10)).toBe(false);
		ledger.handedOver(10);
		expect(ledger.claim(10)).toBe(false);
	});

	it(`polling: the window in static data keeps ${DEDUPE_WINDOW} IDs`, () => {
		const staticData = { recentUpdateIds: Array.from({ length: DEDUPE_WINDOW }, (_, i) => i + 1) };
		const ledger = staticDataLedger(staticData);
		expect(ledger.claim(1)).toBe(false);
		ledger.handedOver(5000);
		expect(staticData.recentUpdateIds).toHaveLength(DEDUPE_WINDOW);
		expect(ledger.claim(1)).toBe(true);
	});

	it('polling: after a crash, the updates emitted but not confirmed come again and start nothing', async () => {
		const crashed = pollingTrigger({ pollTimeout: 30 });
		await crashed.activate();
		await callsArrive(emulator, 'getUpdates', 1);
		// From the next call on the process is as good as dead: nothing it sends reaches Telegram,
		// so the updates it emits are never confirmed.
		emulator.alwaysFail = { reset: true };
		const [a, b] = [
			emulator.pushUpdate(queuedMessage('a')),
			emulator.pushUpdate(queuedMessage('b')),
		];
		await crashed.until(2);
		await crashed.deactivate();
		poller = undefined;
		emulator.alwaysFail = undefined;
		expect(emulator.bot().updates.map((u) => u.update_id)).toEqual([a.update_id, b.update_id]);

		const c = emulator.pushUpdate(queuedMessage('c'));
		const restarted = pollingTrigger({}, crashed.saved);
		await restarted.activate();
		await restarted.until(1);
		await callsArrive(emulator, 'getUpdates', emulator.callsOf('getUpdates').length + 1);
		expect(restarted.emitted.map(([item]) => item.json.updateId)).toEqual([c.update_id]);
	});
});

describe('a test listen never takes a webhook away', () => {
	const production = 'https://n8n.example.com/webhook/hook-0001/webhook';

	it("with Take Over on, a test listen refuses to replace this workflow's production webhook and says how to test", async () => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['message'],
			options: { takeOverWebhook: true },
		} as never);
		await trigger.listen();
		emulator.bot().webhook = {
			url: production,
			secret_token: 'prod-secret',
			allowed_updates: ['message'],
		} as never;
		const { error } = await timed(async () => await trigger!.activate('manual'));
		expect(error?.message).toMatch(
			/this workflow is active and its production webhook receives this bot's updates/,
		);
		expect((error as Error & { description?: string }).description).toMatch(
			/To test, deactivate the workflow/,
		);
		expect(emulator.callsOf('setWebhook')).toHaveLength(0);
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(0);
		expect(emulator.bot().webhook).toMatchObject({ url: production, secret_token: 'prod-secret' });
	});

	it("refuses another service's webhook too, and the end of the listen deletes nothing", async () => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options: { takeOverWebhook: true },
		} as never);
		await trigger.listen();
		emulator.bot().webhook = { url: 'https://other.example.com/tg' } as never;
		const { error } = await timed(async () => await trigger!.activate('manual'));
		expect(error?.message).toMatch(
			/delivers its updates to https:\/\/other\.example\.com\/tg; a test listen/,
		);
		await trigger.deactivate('manual');
		expect(emulator.bot().webhook.url).toBe('https://other.example.com/tg');
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(0);
	});

	it('without a webhook registered, a test listen registers the test URL and removes only that', async () => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		await trigger.listen();
		await trigger.activate('manual');
		expect(emulator.bot().webhook.url).toMatch(/\/webhook-test\/hook-0001\/webhook$/);
		await trigger.deactivate('manual');
		expect(emulator.bot().webhook.url).toBe('');
	});

	it('a polling test listen with Remove Existing Webhook on leaves the webhook where it is and says how to test', async () => {
		emulator.bot().webhook = { url: production } as never;
		poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
			options: { removeWebhook: true },
		} as never);
		const { error } = await timed(async () => await poller!.activate('manual'));
		poller = undefined;
		expect(error?.message).toMatch(
			/delivers its updates to a webhook, https:\/\/n8n\.example\.com/,
		);
		expect((error as Error & { description?: string }).description).toMatch(
			/A test listen never removes a webhook.*To test, deactivate/,
		);
		expect(emulator.callsOf('deleteWebhook')).toHaveLength(0);
		expect(emulator.bot().webhook.url).toBe(production);
	});

	it('activation (not a test listen) still takes over when told to', async () => {
		await webhookTriggerOver('https://other.example.com/tg');
		expect(emulator.bot().webhook.url).toBe(trigger!.webhookUrl);
	});

	async function webhookTriggerOver(url: string) {
		emulator.bot().webhook = { url } as never;
		await webhookTrigger({ takeOverWebhook: true });
	}
});

describe('activation is bounded and shows the server', () => {
	const unreachable = {
		serverUrl: 'http://127.0.0.1:9',
		apiToken: defaultCredentials('').apiToken,
	};

	it('a test listen of the polling trigger with the Bot API unreachable fails within seconds, saying so', async () => {
		poller = new PollingTriggerUnderTest(unreachable, { updates: ['*'] } as never);
		const { ms, error } = await timed(async () => await poller!.activate('manual'));
		expect(error?.message).toMatch(/Start Polling failed \(no response\): connection refused/);
		expect(error?.message).toMatch(/still failing after \d+ attempts/);
		expect(ms).toBeLessThan(ACTIVATION_BUDGET_MS.manual + 2_000);
		poller = undefined;
	});

	it('a test listen of the webhook trigger with the Bot API unreachable fails within seconds, saying so', async () => {
		trigger = new TriggerUnderTest(unreachable, { updates: ['*'] } as never);
		await trigger.listen();
		const { ms, error } = await timed(async () => await trigger!.activate('manual'));
		expect(error?.message).toMatch(/Check Webhook failed \(no response\): connection refused/);
		expect(ms).toBeLessThan(ACTIVATION_BUDGET_MS.manual + 2_000);
	});

	it("a server answering JSON that is no Telegram envelope: its own text, redacted, is the activation's error", async () => {
		emulator.alwaysFail = {
			status: 500,
			rawBody: `{"error":"maintenance window","route":"/bot${DEFAULT_TOKEN}/getWebhookInfo"}`,
			rawContentType: 'application/json',
		};
		poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		const { ms, error } = await timed(async () => await poller!.activate('manual'));
		poller = undefined;
		expect(error?.message).toMatch(/^Start Polling failed \(500\): .*maintenance window/);
		expect(error?.message).toMatch(/still failing after \d+ attempts/);
		expect(tokenLeaks([error])).toEqual([]);
		expect(ms).toBeLessThan(ACTIVATION_BUDGET_MS.manual + 2_000);
	});

	it('a test listen whose registration failed ends without a second call or error', async () => {
		trigger = new TriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		await trigger.listen();
		emulator.alwaysFail = { status: 502, rawBody: '<title>Bad Gateway</title>' };
		const { error } = await timed(async () => await trigger!.activate('manual'));
		expect(error?.message).toMatch(/^Check Webhook failed \(502\): .*Bad Gateway/);
		const calls = emulator.calls.length;
		// n8n's TestWebhooks removes the webhooks of a listen that failed to start.
		expect(await trigger.deactivate('manual')).toBe(true);
		expect(emulator.calls.length).toBe(calls);
	});

	it(`production activation against a server that keeps answering 500 fails within ${ACTIVATION_BUDGET_MS.production / 1000} s with the server's own text`, async () => {
		emulator.alwaysFail = {
			status: 500,
			rawBody: 'maintenance window until 14:00 UTC',
			rawContentType: 'text/plain',
		};
		poller = new PollingTriggerUnderTest(defaultCredentials(emulator.baseUrl), {
			updates: ['*'],
		} as never);
		const { ms, error } = await timed(async () => await poller!.activate());
		expect(error?.message).toMatch(
			/^Start Polling failed \(500\): unexpected answer from the Bot API server: maintenance window until 14:00 UTC \(still failing after \d+ attempts; a trigger's activation waits 20 s at most\)$/,
		);
		expect(ms).toBeGreaterThan(ACTIVATION_BUDGET_MS.production - 3_000);
		expect(ms).toBeLessThan(ACTIVATION_BUDGET_MS.production + 3_000);
		expect(tokenLeaks([error])).toEqual([]);
		poller = undefined;
	}, 40_000);
});

describe('every wait of the poller is bounded', () => {
	/** Polls normally, then every later poll is refused with `failure`: the calls from then on. */
	async function refusedFromNow(failure: NonNullable<typeof emulator.alwaysFail>) {
		await pollingTrigger().activate();
		await callsArrive(emulator, 'getUpdates', 1);
		emulator.alwaysFail = failure;
		// The held poll ends after its 1 s timeout; the next one is refused.
		await callsArrive(emulator, 'getUpdates', 2);
		return () => emulator.callsOf('getUpdates').slice(1);
	}

	it('retry_after "soon" waits 1 s, as an action does, instead of spinning', async () => {
		const refused = await refusedFromNow({
			status: 429,
			parameters: { retry_after: 'soon' as never },
		});
		await new Promise((r) => setTimeout(r, 2_000));
		// A 429 without a usable retry_after waits 1 s (the transport's one rule): three polls in two seconds, not hundreds.
		expect(refused().length).toBeLessThanOrEqual(3);
		const warnings = poller!.logs.filter((line) => line.startsWith('warn'));
		expect(warnings.length).toBeLessThanOrEqual(3);
		expect(warnings[0]).toMatch(/retry after soon; polling again in 1 s$/);
	});

	it('a retry_after past the timer limit becomes a bounded wait, said once, and a stop ends it', async () => {
		const refused = await refusedFromNow({ status: 429, parameters: { retry_after: 2_147_484 } });
		await new Promise((r) => setTimeout(r, 1_500));
		expect(refused()).toHaveLength(1);
		// The transport caps retry_after at a day; the poller waits 5 minutes at most, and says so once.
		const warnings = poller!.logs.filter((line) => line.startsWith('warn'));
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toMatch(
			new RegExp(
				`^warn: Telegram Bot Polling Trigger: Poll Updates failed \\(429\\): Too Many Requests: retry after 2147484; polling again in ${MAX_WAIT_MS / 1000} s \\(the server asked for \\d+ s; this trigger waits ${MAX_WAIT_MS / 1000} s at most\\)$`,
			),
		);
		const { ms } = await timed(async () => await poller!.deactivate());
		expect(ms).toBeLessThan(1_000);
		poller = undefined;
	});

	it('a stop is not held by a server that never answers the last confirmation', async () => {
		emulator.pushUpdate(queuedMessage('a'));
		await pollingTrigger({ pollTimeout: 30 }).activate();
		await poller!.until(1);
		emulator.alwaysFail = { delayMs: 60_000 };
		const { ms } = await timed(async () => await poller!.deactivate());
		poller = undefined;
		expect(ms).toBeLessThan(CONFIRM_TIMEOUT_MS + 1_000);
	}, 20_000);

	it('a poller that keeps failing reports it to n8n with the last cause instead of looping silently', async () => {
		const manual = pollingTrigger();
		await manual.activate('manual');
		await callsArrive(emulator, 'getUpdates', 1);
		emulator.alwaysFail = { status: 502, rawBody: '<title>Bad Gateway</title>' };
		// The held poll ends after its 1 s timeout; every poll after it fails.
		const { ms } = await timed(async () => await manual.until(1));
		expect(manual.emitted).toEqual([]);
		expect(manual.errors[0]?.message).toMatch(
			/^Poll Updates failed \(502\): unexpected answer from the Bot API server: Bad Gateway \(polling has failed for \d+ s without an answer\)$/,
		);
		expect(ms).toBeLessThan(FAILING_LIMIT_MS.manual + 6_000);
	}, 20_000);
});
