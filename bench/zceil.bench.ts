/* eslint-disable no-console */
import { it } from 'vitest';
import { actionContext, defaultCredentials } from '../test/harness';
import { RemoteEmulator } from './remoteEmulator';
import { botApiRequest } from '../nodes/shared/transport';

it('ceiling of the http path', async () => {
	const N = 5000;
	const chats = Array.from({ length: N }, (_, i) => 100000 + i);
	const emulator = await RemoteEmulator.start({ limits: {}, latencyMs: 20 }, chats);
	for (const mode of ['botApiRequest']) {
		const ctx = actionContext({ resource: 'message', operation: 'sendMessage' }, [{}]);
		(ctx as any).getCredentials = async () => defaultCredentials(emulator.baseUrl);
		let next = 0;
		const started = performance.now();
		const t0 = Date.now();
		let iters = 0; let maxGap = 0; let prev = Date.now(); let stop = false; let last = t0;
		const tick = () => { const now = Date.now(); iters++; maxGap = Math.max(maxGap, now - prev); prev = now; if (now - last >= 500) { console.log('LOOP', now - t0, 'iters', iters, 'maxGap', maxGap); iters = 0; maxGap = 0; last = now; } if (!stop) setImmediate(tick); };
		setImmediate(tick);
		const worker = async () => {
			while (next < N) {
				const i = next++;
				const body = { chat_id: chats[i], text: `Policy update for ${chats[i]}`, allow_paid_broadcast: true };
				if (mode.startsWith('raw'))
					await ctx.helpers.httpRequestWithAuthentication.call(ctx, 'telegramBotApi', { method: 'POST', url: 'sendMessage', body, json: true, returnFullResponse: true, ignoreHttpStatusErrors: true, disableFollowRedirect: mode === 'rawNoRedirect' });
				else await botApiRequest(ctx, 'Send Message', 'sendMessage', body);
			}
		};
		await Promise.all(Array.from({ length: 50 }, worker));
		stop = true;
		const s = (performance.now() - started) / 1000;
		console.log(`CEIL ${mode} ${N} in ${s.toFixed(2)} s = ${(N / s).toFixed(0)}/s`);
	}
	await emulator.stop();
});
