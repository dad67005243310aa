import type { Tokens } from 'marked';

import { escapeHtml } from './html';

/**
 * Telegram has no tables: the cells' plain text in padded columns, inside a monospaced block so
 * they line up. Characters are counted as code points (wide CJK cells may still drift).
 */
export function renderTable(
	table: Tokens.Table,
	cellText: (cell: Tokens.TableCell) => string,
): string {
	const rows = [table.header, ...table.rows].map((row) =>
		row.map((cell) => cellText(cell).replace(/\s+/g, ' ').trim()),
	);
	const columns = Math.max(...rows.map((row) => row.length));
	const widths = Array.from({ length: columns }, (_, column) =>
		Math.max(...rows.map((row) => [...(row[column] ?? '')].length)),
	);
	const line = (row: string[]) =>
		widths
			.map((width, column) => pad(row[column] ?? '', width, table.align[column]))
			.join(' | ')
			.trimEnd();
	const rule = widths.map((width) => '-'.repeat(width)).join('-+-');
	const [header, ...body] = rows;
	return `<pre>${escapeHtml([line(header), rule, ...body.map(line)].join('\n'))}</pre>`;
}

function pad(text: string, width: number, align: 'center' | 'left' | 'right' | null): string {
	const gap = width - [...text].length;
	if (align === 'right') return ' '.repeat(gap) + text;
	if (align === 'center') {
		const left = Math.floor(gap / 2);
		return ' '.repeat(left) + text + ' '.repeat(gap - left);
	}
	return text + ' '.repeat(gap);
}
