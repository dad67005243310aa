import { CredentialTestContext } from 'n8n-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TelegramBotApi } from '../../credentials/TelegramBotApi.credentials';
import { testTelegramCredential } from '../../nodes/TelegramBot/transport/credentialTest';
import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { defaultCredentials, listSearch } from '../harness';
import { tokenLeaks } from '../leaks';

let emulator: BotApiEmulator;
beforeAll(async () => {
	emulator = new BotApiEmulator();
	await emulator.start();
});
afterAll(async () => await emulator.stop());

const check = async (serverUrl: string, apiToken: string) =>
	await testTelegramCredential.call(new CredentialTestContext(), {
		id: '1',
		name: 'Telegram',
		type: 'telegramBotApi',
		data: { serverUrl, apiToken },
	});

describe('credential', () => {
	it('has the contract fields', () => {
		const credential = new TelegramBotApi();
		expect(credential.name).toBe('telegramBotApi');
		expect(credential.properties.map((p) => [p.name, p.default])).toEqual([
			['serverUrl', 'https://api.telegram.org'],
			['apiToken', ''],
		]);
		expect(credential.properties[1].typeOptions?.password).toBe(true);
	});

	it('authenticates by putting the token in the path, tolerating a trailing slash', async () => {
		const authenticate = new TelegramBotApi().authenticate as (
			c: object,
			o: object,
		) => Promise<{ url: string }>;
		expect(
			(
				await authenticate(
					{ serverUrl: 'http://127.0.0.1:8081/', apiToken: ' 1:abc ' },
					{ url: 'getMe' },
				)
			).url,
		).toBe('http://127.0.0.1:8081/bot1:abc/getMe');
		expect(
			(
				await authenticate(
					{ serverUrl: 'https://api.telegram.org', apiToken: '1:abc' },
					{ url: 'file/documents/a.pdf' },
				)
			).url,
		).toBe('https://api.telegram.org/file/bot1:abc/documents/a.pdf');
	});

	it('Test connection passes with getMe', async () => {
		expect(await check(`${emulator.baseUrl}/`, DEFAULT_TOKEN)).toEqual({
			status: 'OK',
			message: 'Connected as @compliance_test_bot',
		});
	});

	it("shows Telegram's answer for a wrong token", async () => {
		const wrong = '7012345678:AAHq3Zx9-WrongTokenSecretPart_9876543210';
		const result = await check(emulator.baseUrl, wrong);
		expect(result.status).toBe('Error');
		expect(result.message).toMatch(/^Get Bot failed \(401\): Unauthorized\. .*@BotFather/);
		expect(tokenLeaks(result, wrong)).toEqual([]);
	});

	it('explains a malformed token or URL without a request', async () => {
		const before = emulator.calls.length;
		expect((await check(emulator.baseUrl, 'abc')).message).toMatch(/API token is malformed/);
		expect((await check('api.telegram.org', DEFAULT_TOKEN)).message).toMatch(
			/is not an http\(s\) address/,
		);
		expect(emulator.calls.length).toBe(before);
	});

	it('reports an unreachable server', async () => {
		const result = await check('http://127.0.0.1:9', DEFAULT_TOKEN);
		expect(result.message).toMatch(/^Get Bot failed \(no response\): connection refused/);
	});
});

describe('chat list (resource locator "From Recent Updates")', () => {
	it('lists the chats seen in pending updates without confirming them', async () => {
		emulator.pushUpdate({
			message: {
				message_id: 1,
				date: 1,
				chat: { id: -1001234567890, type: 'supergroup', title: 'Security Operations' },
				text: 'a',
			},
		} as never);
		emulator.pushUpdate({
			message: {
				message_id: 2,
				date: 1,
				chat: { id: 1001, type: 'private', first_name: 'Ada', last_name: 'Lovelace' },
				text: 'b',
			},
		} as never);
		const { results } = await listSearch(defaultCredentials(emulator.baseUrl), 'searchChats');
		expect(results).toEqual([
			{ name: 'Security Operations (-1001234567890)', value: '-1001234567890' },
			{ name: 'Ada Lovelace (1001)', value: '1001' },
		]);
		expect(emulator.bot().updates).toHaveLength(2);
		expect(emulator.callsOf('getUpdates').at(-1)?.params.offset).toBeUndefined();
		const filtered = await listSearch(defaultCredentials(emulator.baseUrl), 'searchChats', 'ada');
		expect(filtered.results).toHaveLength(1);
	});

	it('says plainly that a webhook hides the chats', async () => {
		emulator.bot().webhook = { url: 'https://x.example/h' };
		await expect(listSearch(defaultCredentials(emulator.baseUrl), 'searchChats')).rejects.toThrow(
			/No chat list while a webhook is set/,
		);
		emulator.bot().webhook = { url: '' };
	});
});
