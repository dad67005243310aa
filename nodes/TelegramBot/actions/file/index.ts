import type { Resource } from '../types';
import { get } from './get.operation';

export const file: Resource = {
	value: 'file',
	name: 'File',
	defaultOperation: 'get',
	operations: [
		{
			value: 'get',
			module: get,
			method: 'getFile',
			action: 'Download a file',
			description: 'Get a file by file_id and download it into a binary field (getFile)',
			example: {
				parameters: { fileId: 'BQACAgIAAx-file-1', download: true, binaryPropertyName: 'data' },
			},
			readme: {
				inputs: 'file ID; download (default on) into a binary field',
				output: 'the File, with the file in `binary`',
			},
		},
	],
};
