import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { rows } from './simple';

export const bot: Resource = {
	value: 'bot',
	name: 'Bot',
	defaultOperation: 'get',
	operations: rows.map((spec) => rowEntry('bot', spec)),
};
