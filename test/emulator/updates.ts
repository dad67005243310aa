/* eslint-disable @n8n/community-nodes/require-node-api-error, @n8n/community-nodes/no-restricted-globals -- test-only: a Bot API server on 127.0.0.1 (long polls hold with a timer), not node code */
import type { WebhookInfo } from '@grammyjs/types';

import { bool, list } from './params';
import type { EmulatorState } from './state';
import { ApiError, type Methods } from './types';

const SECRET_FORMAT = /^[A-Za-z0-9_-]{1,256}$/;

/** Getting updates: the webhook (one per bot, HTTPS unless self-hosted) and getUpdates' offsets and long polls. */
export function updateMethods(state: EmulatorState): Methods {
	return {
		getwebhookinfo: async (bot) => {
			const info: WebhookInfo = {
				url: bot.webhook.url,
				has_custom_certificate: false,
				pending_update_count: bot.webhook.url ? bot.updates.length : 0,
			};
			if (bot.webhook.url) {
				info.max_connections = bot.webhook.max_connections ?? 40;
				if (bot.webhook.ip_address) info.ip_address = bot.webhook.ip_address;
				if (bot.webhook.allowed_updates?.length) info.allowed_updates = bot.webhook.allowed_updates;
			}
			return { result: info };
		},
		setwebhook: async (bot, p) => {
			const url = String(p.url ?? '');
			if (url === '') {
				bot.webhook = { url: '' };
				return { result: true, description: 'Webhook was deleted' };
			}
			let parsed: URL;
			try {
				parsed = new URL(url);
			} catch {
				throw new ApiError(
					400,
					'Bad Request: bad webhook: Failed to resolve host: Name or service not known',
				);
			}
			if (parsed.protocol !== 'https:' && !state.options.selfHosted) {
				throw new ApiError(
					400,
					'Bad Request: bad webhook: An HTTPS URL must be provided for webhook',
				);
			}
			if (p.secret_token !== undefined && !SECRET_FORMAT.test(String(p.secret_token))) {
				throw new ApiError(400, 'Bad Request: secret token contains unallowed characters');
			}
			const max = p.max_connections === undefined ? undefined : Number(p.max_connections);
			if (max !== undefined && (max < 1 || max > 100) && !state.options.selfHosted) {
				throw new ApiError(400, 'Bad Request: max_connections must be between 1 and 100');
			}
			if (bool(p.drop_pending_updates)) bot.updates = [];
			const allowed =
				p.allowed_updates === undefined
					? bot.webhook.allowed_updates
					: (list(p.allowed_updates) as string[]);
			const same = bot.webhook.url === url;
			bot.webhook = {
				url,
				secret_token: p.secret_token as string | undefined,
				allowed_updates: allowed,
				max_connections: max,
				ip_address: p.ip_address as string | undefined,
			};
			return { result: true, description: same ? 'Webhook is already set' : 'Webhook was set' };
		},
		deletewebhook: async (bot, p) => {
			const had = !!bot.webhook.url;
			bot.webhook = { url: '' };
			if (bool(p.drop_pending_updates)) bot.updates = [];
			return {
				result: true,
				description: had ? 'Webhook was deleted' : 'Webhook is already deleted',
			};
		},
		getupdates: async (bot, p) => {
			if (bot.webhook.url) {
				throw new ApiError(
					409,
					"Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first",
				);
			}
			const offset = p.offset === undefined ? 0 : Number(p.offset);
			const limit = Math.min(100, Math.max(1, p.limit === undefined ? 100 : Number(p.limit)));
			if (offset > 0) bot.updates = bot.updates.filter((u) => u.update_id >= offset);
			if (offset < 0) bot.updates = bot.updates.slice(offset);
			const timeout = Number(p.timeout ?? 0);
			bot.endPoll?.();
			if (bot.updates.length === 0 && timeout > 0) {
				const terminated = await new Promise<boolean>((resolve) => {
					const timer = setTimeout(() => resolve(false), timeout * 1000);
					const end = (byOther: boolean) => {
						clearTimeout(timer);
						if (bot.endPoll === terminate) bot.endPoll = undefined;
						resolve(byOther);
					};
					const terminate = () => end(true);
					bot.endPoll = terminate;
					bot.waiters.push(() => end(false));
				});
				if (terminated) {
					throw new ApiError(
						409,
						'Conflict: terminated by other getUpdates request; make sure that only one bot instance is running',
					);
				}
			}
			const allowed =
				p.allowed_updates === undefined ? undefined : (list(p.allowed_updates) as string[]);
			const visible =
				allowed && allowed.length
					? bot.updates.filter((u) => allowed.some((type) => type in u))
					: bot.updates;
			return { result: visible.slice(0, limit) };
		},
	};
}
