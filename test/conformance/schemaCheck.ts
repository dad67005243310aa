/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test-only: a generated declaration file on this machine's disk */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

import ts from 'typescript';

import type { LoggedRequest } from '../emulator/requestLog';

/**
 * Methods the suites call on purpose although Telegram has no such method: Call API Method passes
 * whatever name the user typed, and a test checks that Telegram's 404 reaches them.
 */
export const DELIBERATELY_UNKNOWN: Record<string, string> = {
	launchRocket: 'Call API Method: an unknown method reports Telegram\u2019s 404',
};

/** The declarations by path, so the generated file may live anywhere. */
const GRAMMY_TYPES = join(dirname(require.resolve('@grammyjs/types/package.json')), 'mod');

export interface SchemaReport {
	requests: number;
	distinct: number;
	methods: string[];
	/** One line per request the schema refuses: method, the literal sent, TypeScript's reason. */
	problems: string[];
}

/**
 * Every request written as a typed literal of its method's parameters in the newest
 * `@grammyjs/types` (`const r: Opts<Upload>['sendMessage'] = {…}`) and compiled: a method that
 * does not exist, a parameter or nested key the type lacks (object literals get TypeScript's
 * excess-property check at every depth) and a value of the wrong type are all compile errors.
 *
 * Multipart requests carry every top-level scalar as text, so there a number or boolean may also
 * be a string; their file parts stand for the schema's InputFile. Objects (reply_markup, media)
 * travel as JSON in both encodings and are checked exactly.
 */
export function checkRequests(requests: LoggedRequest[], workDir: string): SchemaReport {
	const distinct = new Map<string, LoggedRequest>();
	for (const request of requests) {
		if (request.method in DELIBERATELY_UNKNOWN) continue;
		distinct.set(JSON.stringify(request), request);
	}
	const entries = [...distinct.values()];
	const lines = [
		`import type { Opts } from ${JSON.stringify(GRAMMY_TYPES)};`,
		'/** A file part of a multipart request: what the schema calls InputFile. */',
		'type Upload = { readonly upload: true };',
		'declare const upload: Upload;',
		'type Known = Opts<Upload>;',
		'/** A method without parameters takes nothing; `{}` alone would accept any key. */',
		'type P<M extends keyof Known> = keyof Known[M] extends never ? Record<string, never> : Known[M];',
		'type Text<V> = V extends boolean | number ? V | string : V;',
		'type Multipart<T> = { [K in keyof T]: Text<T[K]> };',
	];
	const header = lines.length;
	entries.forEach((request, index) => lines.push(literal(request, index)));
	mkdirSync(workDir, { recursive: true });
	const file = join(workDir, 'requests.ts');
	writeFileSync(file, `${lines.join('\n')}\n`);

	const program = ts.createProgram([file], {
		strict: true,
		noEmit: true,
		skipLibCheck: true,
		types: [],
		target: ts.ScriptTarget.ES2022,
		lib: ['lib.es2022.d.ts'],
		module: ts.ModuleKind.CommonJS,
		moduleResolution: ts.ModuleResolutionKind.Node10,
	});
	// One entry per refused request: what was sent, then each reason TypeScript gives (its first
	// line names the offending key or value, its last the type it was checked against).
	const refused = new Map<string, string[]>();
	for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
		const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n').split('\n');
		const line =
			diagnostic.file && diagnostic.start !== undefined
				? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line
				: -1;
		const request = entries[line - header];
		const sent = request
			? `${request.method} ${JSON.stringify(request.params)}`
			: `line ${line + 1}`;
		const reasons = refused.get(sent) ?? [];
		reasons.push(message[0].trim(), message[message.length - 1].trim());
		refused.set(sent, reasons);
	}
	const problems = [...refused].map(
		([sent, reasons]) =>
			`${sent}\n${[...new Set(reasons)].map((reason) => `    ${reason}`).join('\n')}`,
	);
	return {
		requests: requests.length,
		distinct: entries.length,
		methods: [...new Set(entries.map((request) => request.method))].sort(),
		problems,
	};
}

function literal(request: LoggedRequest, index: number): string {
	const attached = new Set(
		JSON.stringify(request.params)
			.match(/attach:\/\/[^"]+/g)
			?.map((ref) => ref.slice(9)) ?? [],
	);
	const fields = Object.entries(request.params).map(
		([key, value]) => `${JSON.stringify(key)}: ${JSON.stringify(value)}`,
	);
	for (const field of request.files)
		if (!attached.has(field)) fields.push(`${JSON.stringify(field)}: upload`);
	const type = `P<${JSON.stringify(request.method)}>`;
	return `const r${index}: ${request.multipart ? `Multipart<${type}>` : type} = { ${fields.join(', ')} };`;
}
