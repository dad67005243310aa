import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { settingsRows } from './settings';
import { rows } from './simple';

export const bot: Resource = {
	value: 'bot',
	name: 'Bot',
	defaultOperation: 'get',
	operations: [...rows, ...settingsRows].map((spec) => rowEntry('bot', spec)),
};
