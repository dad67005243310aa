/** Balanced when every closing tag matches the last open one and nothing stays open. */
export function htmlBalanced(html: string): boolean {
	const stack: string[] = [];
	for (const [, closing, name] of html.matchAll(/<(\/?)([a-zA-Z-]+)[^>]*>/g)) {
		if (!closing) stack.push(name);
		else if (stack.pop() !== name) return false;
	}
	return stack.length === 0;
}
