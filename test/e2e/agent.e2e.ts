/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test-only: drives a real n8n process and a scripted model server */
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { BotApiEmulator, DEFAULT_TOKEN } from '../emulator/server';
import { START_NODE } from './fixtures';
import { N8nInstance } from './n8nProcess';

/** What the scripted model sends as the message: standard Markdown, as models write it. */
const ANSWER =
	'**Disk alert** on `db-1`: usage at 95% (threshold < 90%).\n\n- rotate logs\n- check growth';

interface ChatRequest {
	messages: Array<{ role: string; content?: unknown; tool_call_id?: string }>;
	tools?: Array<{
		type: string;
		function: { name: string; description: string; parameters: unknown };
	}>;
	stream?: boolean;
}

/**
 * An OpenAI-compatible chat completions server with a script: the first request (no tool result
 * yet) is answered with a call to the Telegram tool, the next with a final answer. Every request is
 * kept, so the test can check what n8n offered the model.
 */
class ScriptedModel {
	readonly requests: ChatRequest[] = [];
	private server?: Server;
	baseUrl = '';

	async start(): Promise<void> {
		this.server = createServer((req, res) => {
			void this.answer(req).then(
				(body) => {
					res.writeHead(200, { 'content-type': 'application/json' });
					res.end(JSON.stringify(body));
				},
				(error: Error) => {
					res.writeHead(500, { 'content-type': 'application/json' });
					res.end(JSON.stringify({ error: { message: error.message } }));
				},
			);
		});
		await new Promise<void>((done) => this.server!.listen(0, '127.0.0.1', done));
		this.baseUrl = `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}/v1`;
	}

	async stop(): Promise<void> {
		await new Promise<void>((done) => (this.server ? this.server.close(() => done()) : done()));
	}

	private async answer(req: IncomingMessage): Promise<unknown> {
		let raw = '';
		for await (const chunk of req) raw += String(chunk);
		if (!req.url?.endsWith('/chat/completions')) throw new Error(`unexpected ${req.url}`);
		const request = JSON.parse(raw) as ChatRequest;
		this.requests.push(request);
		const toolResult = request.messages.find((message) => message.role === 'tool');
		const message = toolResult
			? { role: 'assistant', content: 'The alert is posted in the Security Operations chat.' }
			: {
					role: 'assistant',
					content: null,
					tool_calls: [
						{
							id: 'call_telegram_1',
							type: 'function',
							function: {
								name: this.telegramTool(request),
								arguments: JSON.stringify({ chatId: '-1001234567890', text: ANSWER }),
							},
						},
					],
				};
		return {
			id: `chatcmpl-${this.requests.length}`,
			object: 'chat.completion',
			created: Math.floor(Date.now() / 1000),
			model: 'scripted-model',
			choices: [
				{ index: 0, message, finish_reason: toolResult ? 'stop' : 'tool_calls', logprobs: null },
			],
			usage: { prompt_tokens: 10, completion_tokens: 10, total_tokens: 20 },
		};
	}

	/** The tool a model would pick: the one whose description says it sends a Telegram message. */
	private telegramTool(request: ChatRequest): string {
		const tool = request.tools?.find((t) => /telegram/i.test(t.function.description));
		if (!tool) throw new Error(`no Telegram tool offered: ${JSON.stringify(request.tools)}`);
		return tool.function.name;
	}
}

const emulator = new BotApiEmulator({ selfHosted: true });
const model = new ScriptedModel();
const n8n = new N8nInstance();

function agentWorkflow() {
	const credential = (type: string, id: string, name: string) => ({ [type]: { id, name } });
	return {
		id: 'wfTgAgentTool001',
		name: 'E2E: AI Agent uses the Telegram Bot tool',
		active: false,
		nodes: [
			START_NODE,
			{
				id: 'agent',
				name: 'AI Agent',
				type: '@n8n/n8n-nodes-langchain.agent',
				typeVersion: 3.1,
				position: [200, 0],
				parameters: {
					promptType: 'define',
					text: 'Post the disk alert for db-1 to the Security Operations chat (-1001234567890).',
					options: {},
				},
			},
			{
				id: 'model',
				name: 'OpenAI Chat Model',
				type: '@n8n/n8n-nodes-langchain.lmChatOpenAi',
				typeVersion: 1.2,
				position: [200, 200],
				parameters: {
					model: { __rl: true, mode: 'id', value: 'scripted-model' },
					options: {},
				},
				credentials: credential('openAiApi', 'scriptedModel001', 'Scripted model'),
			},
			{
				id: 'telegram-tool',
				name: 'Send Telegram Message',
				type: 'n8n-nodes-telegram-bot.telegramBotTool',
				typeVersion: 1,
				position: [400, 200],
				parameters: {
					descriptionType: 'auto',
					resource: 'message',
					operation: 'sendMessage',
					chatId: {
						__rl: true,
						mode: 'id',
						value:
							"={{ $fromAI('chatId', 'Numeric ID of the Telegram chat, negative for groups', 'string') }}",
					},
					text: "={{ $fromAI('text', 'The message, in Markdown', 'string') }}",
					options: { parseMode: 'commonMark' },
				},
				credentials: credential('telegramBotApi', 'tgEmulatorCred01', 'Telegram Emulator'),
			},
		],
		connections: {
			Start: { main: [[{ node: 'AI Agent', type: 'main', index: 0 }]] },
			'OpenAI Chat Model': {
				ai_languageModel: [[{ node: 'AI Agent', type: 'ai_languageModel', index: 0 }]],
			},
			'Send Telegram Message': {
				ai_tool: [[{ node: 'AI Agent', type: 'ai_tool', index: 0 }]],
			},
		},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

beforeAll(async () => {
	await emulator.start();
	await model.start();
	await n8n.init();
	await n8n.importCredentials(emulator.baseUrl, DEFAULT_TOKEN, [
		{
			id: 'scriptedModel001',
			name: 'Scripted model',
			type: 'openAiApi',
			data: { apiKey: 'sk-scripted-model', url: model.baseUrl, header: false },
		},
	]);
	await n8n.importWorkflows([agentWorkflow()]);
});

afterAll(async () => {
	await model.stop();
	await emulator.stop();
	if (!process.env.KEEP_N8N_E2E) n8n.remove();
});

describe('the Telegram Bot node as an AI agent tool', () => {
	it("n8n's AI Agent calls it with the parameters the model fills, and the chat gets the message", async () => {
		const result = await n8n.execute('wfTgAgentTool001', 150_000);
		const execution = result.execution;
		expect(result.code, `${result.stderr}\n${n8n.log().slice(-4000)}`).toBe(0);

		// n8n offered the tool with the schema $fromAI() describes.
		const offered = model.requests[0].tools ?? [];
		expect(offered).toHaveLength(1);
		expect(offered[0].function.description).toMatch(/Send a message in Telegram Bot/);
		expect(offered[0].function.parameters).toMatchObject({
			properties: {
				chatId: { type: 'string', description: expect.stringContaining('Telegram chat') },
				text: { type: 'string' },
			},
		});

		// The emulator received the send, converted from the model's Markdown.
		const sends = emulator.callsOf('sendMessage');
		expect(sends).toHaveLength(1);
		expect(sends[0].params).toMatchObject({
			chat_id: -1001234567890,
			parse_mode: 'HTML',
			text: '<b>Disk alert</b> on <code>db-1</code>: usage at 95% (threshold &lt; 90%).\n\n• rotate logs\n• check growth',
		});

		// The tool's result went back to the model, and the agent finished with its answer.
		expect(model.requests).toHaveLength(2);
		const toolMessage = model.requests[1].messages.find((m) => m.role === 'tool');
		expect(String(toolMessage?.content)).toContain('message_id');
		const output = execution!.data.resultData.runData['AI Agent'][0].data!.main[0][0].json;
		expect(output.output).toBe('The alert is posted in the Security Operations chat.');
	});
});
