import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { rows } from './simple';

export const chat: Resource = {
	value: 'chat',
	name: 'Chat',
	defaultOperation: 'get',
	operations: rows.map((spec) => rowEntry('chat', spec)),
};
