/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { commandMessage, echoWorkflow, sentTexts } from './fixtures';
import { N8nInstance } from './n8nProcess';

/**
 * Several workflows on one bot, in the real n8n 2.41.1: two active polling workflows, each with its
 * own command filter, share the bot's getUpdates stream and each gets its own commands.
 */
const emulator = new BotApiEmulator({ selfHosted: true });
const n8n = new N8nInstance();

const COMPLIANCE = 'wfTgSharedComp01';
const RISK = 'wfTgSharedRisk01';

/** Polling trigger with a commands filter → Echo of the command and its text. */
function commandWorkflow(id: string, command: string) {
	return echoWorkflow({
		id,
		name: `E2E: /${command} on a shared bot`,
		trigger: {
			type: 'n8n-nodes-telegram-bot.telegramBotPollingTrigger',
			parameters: { updates: ['message'], options: { commands: `/${command}`, pollTimeout: 2 } },
		},
		text: `=${command} workflow got {{ $json.updateId }}: {{ $json.text }}`,
	});
}

const command = (text: string) => emulator.pushUpdate(commandMessage(text));
const echoes = (prefix: string) => sentTexts(emulator, prefix).sort();

beforeAll(async () => {
	await emulator.start();
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN);
	await n8n.importWorkflows([
		commandWorkflow(COMPLIANCE, 'compliance'),
		commandWorkflow(RISK, 'risk'),
	]);
	for (const id of [COMPLIANCE, RISK]) {
		const published = await n8n.cli(['publish:workflow', `--id=${id}`]);
		expect(published.code, published.stderr).toBe(0);
	}
	await n8n.start();
});

afterAll(async () => {
	await n8n.dispose();
	await emulator.stop();
});

describe('two polling workflows on one bot', () => {
	it('each gets its own commands, from one getUpdates stream', async () => {
		await n8n.until('n8n to poll', () => emulator.callsOf('getUpdates').length > 0);
		const c = command('/compliance soc2 evidence');
		const r = command('/risk vendor-7');
		const other = command('/status');
		await n8n.until('both echoes', () => echoes('compliance').length + echoes('risk').length === 2);
		await n8n.until('the updates to be confirmed', () => emulator.bot().updates.length === 0);
		// Nothing more comes: /status is for neither workflow, and nothing runs twice.
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(echoes('compliance')).toEqual([
			`compliance workflow got ${c.update_id}: /compliance soc2 evidence`,
		]);
		expect(echoes('risk')).toEqual([`risk workflow got ${r.update_id}: /risk vendor-7`]);
		expect(echoes('').join('\n')).not.toContain(String(other.update_id));
		// Two pollers on one bot would end each other's calls with 409 "terminated by other getUpdates request".
		expect(emulator.callsOf('getUpdates').filter((call) => call.status === 409)).toEqual([]);
	});

	it('deactivating one leaves the other running', async () => {
		await n8n.deactivate(RISK);
		// n8n answers before the trigger's closeFunction has run.
		await n8n.until('the workflow to leave the stream', () =>
			n8n.log().includes(`workflow ${RISK} left the bot's update stream; 1 polling it now`),
		);
		const r = command('/risk after deactivation');
		const c = command('/compliance still here');
		await n8n.until('the compliance echo', () =>
			echoes('compliance').some((text) => text.includes(String(c.update_id))),
		);
		await n8n.until('the updates to be confirmed', () => emulator.bot().updates.length === 0);
		await new Promise((resolve) => setTimeout(resolve, 2_000));
		expect(echoes('risk').join('\n')).not.toContain(String(r.update_id));
		expect(emulator.callsOf('getUpdates').filter((call) => call.status === 409)).toEqual([]);
	});
});
