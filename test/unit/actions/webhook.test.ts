import { describe, expect, it } from 'vitest';

import { BotApiEmulator } from '../../emulator/server';
import { defaultCredentials, runAction } from '../../harness';
import { actionSuite } from './setup';

const { emulator, credentials } = actionSuite();

describe('Webhook → Create / Delete / Get', () => {
	it("creates with every option and returns Telegram's description", async () => {
		const { items } = await runAction(credentials(), {
			resource: 'webhook',
			operation: 'create',
			url: 'https://n8n.example.com/webhook/abc',
			options: {
				secretToken: 's3cret_T0ken',
				allowedUpdates: ['message'],
				dropPendingUpdates: true,
				maxConnections: 10,
				ipAddress: '203.0.113.9',
			},
		});
		expect(items[0].json).toEqual({ ok: true, description: 'Webhook was set' });
		expect(emulator.callsOf('setWebhook')[0].params).toEqual({
			url: 'https://n8n.example.com/webhook/abc',
			secret_token: 's3cret_T0ken',
			allowed_updates: ['message'],
			drop_pending_updates: true,
			max_connections: 10,
			ip_address: '203.0.113.9',
		});
		const info = await runAction(credentials(), { resource: 'webhook', operation: 'get' });
		expect(info.items[0].json).toMatchObject({
			url: 'https://n8n.example.com/webhook/abc',
			max_connections: 10,
			allowed_updates: ['message'],
		});
		const removed = await runAction(credentials(), {
			resource: 'webhook',
			operation: 'delete',
			options: { dropPendingUpdates: true },
		});
		expect(removed.items[0].json).toEqual({ ok: true, description: 'Webhook was deleted' });
		expect(emulator.callsOf('deleteWebhook')[0].params).toEqual({ drop_pending_updates: true });
		expect(emulator.bot().webhook.url).toBe('');
	});

	it("refuses an http URL on Telegram's cloud before any request", async () => {
		const { error } = await runAction(
			{ ...credentials(), serverUrl: 'https://api.telegram.org' },
			{ resource: 'webhook', operation: 'create', url: 'http://localhost:5678/webhook/x' },
		);
		expect(error?.message).toMatch(/^Create Webhook: Telegram only posts to HTTPS URLs/);
		expect(emulator.calls).toHaveLength(0);
	});

	it('accepts an http URL with a self-hosted (http) server', async () => {
		const selfHosted = new BotApiEmulator({ selfHosted: true });
		await selfHosted.start();
		try {
			const { items } = await runAction(defaultCredentials(selfHosted.baseUrl), {
				resource: 'webhook',
				operation: 'create',
				url: 'http://10.0.0.7:5678/webhook/x',
			});
			expect(items[0].json).toEqual({ ok: true, description: 'Webhook was set' });
		} finally {
			await selfHosted.stop();
		}
	});

	it("refuses a secret token outside Telegram's alphabet", async () => {
		const { error } = await runAction(credentials(), {
			resource: 'webhook',
			operation: 'create',
			url: 'https://x.example/h',
			options: { secretToken: 'has space' },
		});
		expect(error?.message).toMatch(/secret token may only hold/);
		expect(emulator.calls).toHaveLength(0);
	});

	it("reports Telegram's bad-webhook answer with a hint", async () => {
		emulator.failNext('setWebhook', {
			status: 400,
			description: 'Bad Request: bad webhook: IP address 127.0.0.1 is reserved',
		});
		const { error } = await runAction(credentials(), {
			resource: 'webhook',
			operation: 'create',
			url: 'https://127.0.0.1/h',
		});
		expect(error?.message).toBe(
			'Create Webhook failed (400): Bad Request: bad webhook: IP address 127.0.0.1 is reserved',
		);
		expect(error?.description).toMatch(/HTTPS URLs on ports 443, 80, 88 or 8443/);
	});
});
