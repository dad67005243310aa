import type { IDataObject } from 'n8n-workflow';

import { objectsIn } from './updateItem';

export interface BotCommand {
	command: string;
	args: string[];
}

/**
 * `/compliance@SecOpsBot soc2 q3` → `{ command: "compliance", args: ["soc2", "q3"] }`. Telegram marks
 * a command with a bot_command entity at offset 0; a command addressed to another bot
 * (`/start@OtherBot`) is not ours, so it gives null.
 */
export function commandOf(
	message: IDataObject | undefined,
	botUsername?: string,
): BotCommand | null {
	if (!message) return null;
	const text = (message.text ?? message.caption) as string | undefined;
	if (typeof text !== 'string' || !text.startsWith('/')) return null;
	const entities = objectsIn(message.entities ?? message.caption_entities);
	let length: number;
	if (entities.length > 0) {
		const entity = entities.find((e) => e.type === 'bot_command' && e.offset === 0);
		if (!entity) return null;
		length = Number(entity.length);
	} else {
		// Updates built by hand (tests, replays) may lack entities: read the command the way Telegram does.
		length = /^\/[A-Za-z0-9_]+(@[A-Za-z0-9_]+)?/.exec(text)?.[0].length ?? 0;
		if (length === 0) return null;
	}
	const [name, target] = text.slice(1, length).split('@');
	if (target && botUsername && target.toLowerCase() !== botUsername.toLowerCase()) return null;
	const rest = text.slice(length).trim();
	return { command: name, args: rest ? rest.split(/\s+/) : [] };
}
