import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { rows } from './simple';

export const forumTopic: Resource = {
	value: 'forumTopic',
	name: 'Forum Topic',
	defaultOperation: 'create',
	operations: rows.map((spec) => rowEntry('forumTopic', spec)),
};
