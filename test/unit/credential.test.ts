import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { TelegramBotApi } from '../../credentials/TelegramBotApi.credentials';
import { TelegramBot } from '../../nodes/TelegramBot/TelegramBot.node';
import { TelegramBotPollingTrigger } from '../../nodes/TelegramBotPollingTrigger/TelegramBotPollingTrigger.node';
import { TelegramBotTrigger } from '../../nodes/TelegramBotTrigger/TelegramBotTrigger.node';
import { testCredentialAsN8nDoes } from '../credentialTest';
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
	await testCredentialAsN8nDoes({ serverUrl, apiToken });

const WRONG_TOKEN = '7012345678:AAHq3Zx9-WrongTokenSecretPart_9876543210';

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
		const server = 'http://127.0.0.1:8081';
		const t = DEFAULT_TOKEN;
		const cases: Array<[object, string]> = [
			[{ url: 'getMe' }, `${server}/bot${t}/getMe`],
			[{ url: '/getMe' }, `${server}/bot${t}/getMe`],
			[{ url: 'file/documents/a.pdf' }, `${server}/file/bot${t}/documents/a.pdf`],
			// What the HTTP Request node sends with the predefined credential ("Custom API Call").
			[{ uri: `${server}/getMe` }, `${server}/bot${t}/getMe`],
			[{ url: `${server}/getChat?chat_id=1` }, `${server}/bot${t}/getChat?chat_id=1`],
			[{ url: `${server}/bot${t}/getMe` }, `${server}/bot${t}/getMe`],
			// Another host in the URL: the token still goes only to the credential's own server.
			[{ url: 'https://elsewhere.example/getMe' }, `${server}/bot${t}/getMe`],
		];
		const authenticate = new TelegramBotApi().authenticate as (
			c: object,
			o: object,
		) => Promise<{ url: string; uri?: string }>;
		for (const [options, expected] of cases) {
			const out = await authenticate({ serverUrl: `${server}/`, apiToken: ` ${t} ` }, options);
			expect(out.url, JSON.stringify(options)).toBe(expected);
			expect(out.uri).toBeUndefined();
		}
		// A whole file URL comes from the HTTP Request node, which would store it (token included)
		// with the downloaded file.
		for (const url of [`${server}/file/documents/a.pdf`, `${server}/file/bot${t}/a.pdf`]) {
			await expect(authenticate({ serverUrl: server, apiToken: t }, { url })).rejects.toThrow(
				/^Telegram Bot API credential: download files with the Telegram Bot node \(File → Get\)/,
			);
		}
	});

	it('is tested by its own declarative test, not by a node (no testedBy, no credentialTest)', () => {
		expect(new TelegramBotApi().test?.request).toEqual({
			method: 'GET',
			url: 'getMe',
			timeout: 15_000,
		});
		for (const node of [
			new TelegramBot(),
			new TelegramBotTrigger(),
			new TelegramBotPollingTrigger(),
		]) {
			expect(node.description.credentials).toEqual([{ name: 'telegramBotApi', required: true }]);
			expect(
				(node.methods as { credentialTest?: unknown } | undefined)?.credentialTest,
			).toBeUndefined();
		}
	});

	it('Test sends getMe once to <server>/bot<token>/getMe and answers as n8n does', async () => {
		const before = emulator.calls.length;
		expect(await check(`${emulator.baseUrl}/`, DEFAULT_TOKEN)).toEqual({
			status: 'OK',
			message: 'Connection successful!',
		});
		expect(emulator.calls.slice(before).map((call) => call.method)).toEqual(['getMe']);
	});

	it("turns Telegram's refusal of a wrong token into what to do", async () => {
		const result = await check(emulator.baseUrl, WRONG_TOKEN);
		expect(result).toEqual({
			status: 'Error',
			message:
				'Telegram refused this token (401 Unauthorized): it was revoked or mistyped. Get the current one from @BotFather: send /token and choose the bot.',
		});
		expect(tokenLeaks(result, WRONG_TOKEN)).toEqual([]);
	});

	it('explains a malformed token or URL without a request, never quoting either', async () => {
		const before = emulator.calls.length;
		const cases: Array<[string, string, RegExp]> = [
			[emulator.baseUrl, 'abc', /^The API token is malformed/],
			[emulator.baseUrl, DEFAULT_TOKEN.slice(0, 20), /^The API token is malformed/],
			[emulator.baseUrl, '', /^The API token is empty/],
			['api.telegram.org', DEFAULT_TOKEN, /^The Server URL is not a web address/],
			['ftp://files.example', DEFAULT_TOKEN, /^The Server URL is not a web address/],
			// The token pasted into Server URL, alone or after the address.
			[DEFAULT_TOKEN, DEFAULT_TOKEN, /^The Server URL holds a bot token/],
			[DEFAULT_TOKEN, '', /^The Server URL holds a bot token/],
			[`https://api.telegram.org/bot${DEFAULT_TOKEN}`, DEFAULT_TOKEN, /holds a bot token/],
			[`https://api.telegram.org/bot${DEFAULT_TOKEN}/getMe`, 'x', /holds a bot token/],
			[
				`https://user:${DEFAULT_TOKEN.split(':')[1]}@api.telegram.org`,
				DEFAULT_TOKEN,
				/user name or password/,
			],
		];
		for (const [serverUrl, token, message] of cases) {
			const result = await check(serverUrl, token);
			expect(result.status).toBe('Error');
			expect(result.message, serverUrl).toMatch(message);
			expect(tokenLeaks(result), serverUrl).toEqual([]);
		}
		expect(emulator.calls.length).toBe(before);
	});

	it("shows n8n's bare error code when a server cannot be reached (n8n's own mapping)", async () => {
		const refused = await check('http://127.0.0.1:9', DEFAULT_TOKEN);
		expect(refused).toEqual({ status: 'Error', message: 'ECONNREFUSED' });
		const dns = await check('https://no-such-host.invalid', DEFAULT_TOKEN);
		expect(dns.message).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
		// https:// to a server that speaks plain HTTP: the TLS handshake fails.
		const tls = await check(emulator.baseUrl.replace('http:', 'https:'), DEFAULT_TOKEN);
		expect(tls.message).toMatch(/^(EPROTO|ERR_SSL_[A-Z_]+)$/);
		for (const result of [refused, dns, tls]) {
			expect(result.status).toBe('Error');
			expect(tokenLeaks(result)).toEqual([]);
		}
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
