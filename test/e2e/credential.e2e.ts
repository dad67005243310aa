/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { createServer, type Server } from 'node:http';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { tokenLeaks } from '../leaks';
import { CREDENTIAL, START_NODE } from './fixtures';
import { freePort, N8nInstance } from './n8nProcess';

/**
 * The credential as n8n itself uses it: "Test" in the credential dialog is
 * `POST /rest/credentials/test`, and "Custom API Call" is the HTTP Request node with the
 * predefined credential type. Both run in the pinned n8n with the packed package.
 */
const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();
const WRONG_TOKEN = '7012345678:AAF9kQ2mZx7Lp4Wn8Rt3Vb6Yc1Hd5Js0Ge2';
/** n8n's fixed answer to a declarative test that passed; the editor shows its own text. */
const CONNECTED = { status: 'OK', message: 'Connection successful!' };

/** The token or 8 characters in a row of either token's secret, in any text. */
const leaks = (text: string) => [...tokenLeaks(text), ...tokenLeaks(text, WRONG_TOKEN)];

async function testCredential(serverUrl: string, apiToken: string) {
	const { status, json } = await n8n.rest('POST', '/credentials/test', {
		credentials: { id: '', name: 'Unsaved', type: 'telegramBotApi', data: { serverUrl, apiToken } },
	});
	expect(status, JSON.stringify(json)).toBe(200);
	const answer = (json as { data: { status: string; message: string } }).data;
	expect(leaks(JSON.stringify(json)), JSON.stringify(json)).toEqual([]);
	return answer;
}

let notBotApi: Server;
let notBotApiPort = 0;

beforeAll(async () => {
	await emulator.start();
	// A plain web server: 404 for every path, and a failed TLS handshake for https://.
	notBotApiPort = await freePort();
	notBotApi = createServer((_req, res) => {
		res.statusCode = 404;
		res.end('Not Found');
	});
	await new Promise<void>((done) => notBotApi.listen(notBotApiPort, '127.0.0.1', done));
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN);
});

afterAll(async () => {
	await n8n.stop();
	await emulator.stop();
	notBotApi?.close();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

describe('the credential inside n8n', () => {
	it('works in the HTTP Request node with the predefined credential ("Custom API Call")', async () => {
		const file = emulator.addFile(2048, 'documents/file_e2e.pdf', 'application/pdf');
		const httpNode = (name: string, url: string, y: number, extra = {}) => ({
			id: name,
			name,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [200, y],
			parameters: {
				method: 'GET',
				url,
				authentication: 'predefinedCredentialType',
				nodeCredentialType: 'telegramBotApi',
				options: {},
				...extra,
			},
			credentials: { telegramBotApi: CREDENTIAL },
		});
		const nodes = [
			START_NODE,
			httpNode('Whole URL', `${emulator.baseUrl}/getMe`, 0),
			// A URL copied from Telegram's docs: the token still goes only to the credential's server.
			httpNode('Docs URL', 'https://api.telegram.org/getChat?chat_id=-1001234567890', 200),
			// n8n would keep the download URL, token included, in the file's metadata: refused.
			{
				...httpNode('File', `${emulator.baseUrl}/file/${file.file_path}`, 400, {
					options: { response: { response: { responseFormat: 'file' } } },
				}),
				onError: 'continueRegularOutput',
			},
		];
		const workflow = {
			id: 'wfTgCustomApi001',
			name: 'E2E: Custom API Call',
			active: false,
			settings: { executionOrder: 'v1' },
			nodes,
			connections: {
				Start: {
					main: [
						['Whole URL', 'Docs URL', 'File'].map((node) => ({ node, type: 'main', index: 0 })),
					],
				},
			},
		};
		await n8n.importWorkflows([workflow]);

		const calls = emulator.calls.length;
		const run = await n8n.execute('wfTgCustomApi001');
		const execution = run.execution;
		expect(run.code, `${run.stdout}\n${run.stderr}\n${run.fileLog.slice(-3000)}`).toBe(0);
		const runData = execution!.data.resultData.runData;
		const json = (node: string) => runData[node][0].data!.main[0][0].json;
		expect(json('Whole URL')).toMatchObject({
			ok: true,
			result: { username: 'compliance_test_bot' },
		});
		expect(json('Docs URL')).toMatchObject({
			ok: true,
			result: { id: -1001234567890 },
		});
		expect(JSON.stringify(runData.File[0].data!.main[0][0].json)).toContain(
			'download files with the Telegram Bot node (File → Get)',
		);
		// What reached the server: the token in the path once, the method or file after it.
		const paths = emulator.calls.slice(calls).map((call) => call.method);
		expect(paths.sort()).toEqual(['getChat', 'getMe']);
		expect(leaks(JSON.stringify(execution))).toEqual([]);
	});

	it('answers "Test" through POST /rest/credentials/test, case by case, never with the token', async () => {
		await n8n.start();
		const calls = emulator.calls.length;
		expect(await testCredential(emulator.baseUrl, DEFAULT_TOKEN)).toEqual(CONNECTED);
		// The declarative test: one getMe, with the token once in the path.
		expect(emulator.calls.slice(calls).map((call) => call.method)).toEqual(['getMe']);
		expect(await testCredential(emulator.baseUrl, WRONG_TOKEN)).toEqual({
			status: 'Error',
			message:
				'Telegram refused this token (401 Unauthorized): it was revoked or mistyped. Get the current one from @BotFather: send /token and choose the bot.',
		});
		// A server that answers, but is not a Bot API server.
		expect(await testCredential(`http://127.0.0.1:${notBotApiPort}`, DEFAULT_TOKEN)).toEqual({
			status: 'Error',
			message:
				"The server answered 404 Not Found: the token is not one this server knows, or the Server URL is not a Bot API server. Check the token against @BotFather and the Server URL (https://api.telegram.org for Telegram's cloud).",
		});
		// Out of reach: n8n answers a declarative test's network failure with the bare error code.
		const closedPort = await freePort();
		expect(await testCredential(`http://127.0.0.1:${closedPort}`, DEFAULT_TOKEN)).toEqual({
			status: 'Error',
			message: 'ECONNREFUSED',
		});
		const dns = await testCredential('https://no-such-host.invalid', DEFAULT_TOKEN);
		expect(dns.message).toMatch(/^(ENOTFOUND|EAI_AGAIN)$/);
		const tls = await testCredential(`https://127.0.0.1:${notBotApiPort}`, DEFAULT_TOKEN);
		expect(tls.message).toMatch(/^(EPROTO|ERR_SSL_[A-Z_]+)$/);

		// Refused by the credential before any request.
		const before = emulator.calls.length;
		expect(await testCredential('api.telegram.org', DEFAULT_TOKEN)).toEqual({
			status: 'Error',
			message:
				"The Server URL is not a web address: it must start with https:// (Telegram's cloud is https://api.telegram.org) or http:// for a self-hosted server.",
		});
		// The token pasted into Server URL, alone or after the address: no echo of it.
		for (const serverUrl of [DEFAULT_TOKEN, `${emulator.baseUrl}/bot${DEFAULT_TOKEN}`]) {
			expect(await testCredential(serverUrl, DEFAULT_TOKEN)).toEqual({
				status: 'Error',
				message:
					'The Server URL holds a bot token or a /bot… path. Keep only the server address (https://api.telegram.org, or http://host:8081 for a self-hosted server) and put the token in API Token.',
			});
		}
		for (const token of ['not-a-token', WRONG_TOKEN.slice(0, 24)]) {
			expect(await testCredential(emulator.baseUrl, token)).toEqual({
				status: 'Error',
				message:
					'The API token is malformed: it must look like 123456789:AAE… (the bot ID, a colon, then the secret) exactly as @BotFather shows it.',
			});
		}
		expect(emulator.calls.length).toBe(before);
		expect(leaks(n8n.log())).toEqual([]);
	});

	it('tests a saved credential the way the editor does (stored token, id only)', async () => {
		// The editor opens the credential (password fields come back as a placeholder) and sends
		// that data back; n8n puts the stored token in place of the placeholder.
		const opened = await n8n.rest('GET', `/credentials/${CREDENTIAL.id}?includeData=true`);
		const data = (opened.json as { data: { data: Record<string, unknown> } }).data.data;
		expect(leaks(JSON.stringify(opened.json))).toEqual([]);
		const { json } = await n8n.rest('POST', '/credentials/test', {
			credentials: { ...CREDENTIAL, type: 'telegramBotApi', data },
		});
		expect((json as { data: unknown }).data).toEqual(CONNECTED);
		expect(leaks(n8n.log())).toEqual([]);
	});
});
