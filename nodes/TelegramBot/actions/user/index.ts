import { rowEntry } from '../rows';
import type { Resource } from '../types';
import { rows } from './simple';

export const user: Resource = {
	value: 'user',
	name: 'User',
	defaultOperation: 'getProfilePhotos',
	operations: rows.map((spec) => rowEntry('user', spec)),
};
