import { resourceDescription } from '../resource';
import { get } from './get.operation';

export const { operations, description } = resourceDescription(
	'file',
	[
		{
			value: 'get',
			module: get,
			action: 'Download a file',
			description: 'Get a file by file_id and download it into a binary field (getFile)',
		},
	],
	'get',
);
