import type { IDataObject } from 'n8n-workflow';

import type { Approval, RequestKind } from '../../../../shared/sendAndWait/reference';

export interface SendAndWaitParameters {
	responseType: RequestKind;
	approvalType: 'double' | 'single';
	approveLabel: string;
	declineLabel: string;
	buttons: Button[];
}

export interface Person {
	id: number;
	username?: string;
	first_name?: string;
	last_name?: string;
}

export interface Button {
	label?: string;
	value?: string;
}

/** The Custom Buttons that have a label, in their order (a button's choice is its index here). */
export function labelledButtons(parameter: unknown): Button[] {
	return ((parameter ?? []) as Button[]).filter((button) => (button.label ?? '').trim() !== '');
}

/** What a custom button gives back: its value, or its label when the value is empty. */
export function valueOf(button: Button): string {
	return (button.value ?? '').trim() || (button.label as string);
}

/** The output's fields before anyone answered (the timed-out answer adds timedOut: true). */
export function emptyAnswer(): IDataObject {
	return {
		approved: false,
		text: null,
		respondedBy: null,
		respondedAt: null,
		approvals: [],
		timedOut: false,
	};
}

export function personOf(from: Person): IDataObject {
	const name = [from.first_name, from.last_name].filter(Boolean).join(' ');
	return { id: from.id, username: from.username ?? null, name: name || null };
}

/** "@alice", or the name when there is no username. */
export function shownName(person: {
	id: number;
	username?: string;
	first_name?: string;
	last_name?: string;
}): string {
	if (person.username) return `@${person.username}`;
	const name = [person.first_name, person.last_name].filter(Boolean).join(' ');
	return name || String(person.id);
}

export function approvalsOutput(approvals: Approval[]): IDataObject[] {
	return approvals.map((a) => ({
		id: a.id,
		username: a.username ?? null,
		approvedAt: new Date(a.at * 1000).toISOString(),
	}));
}

/** Whether a user is on the approvers list (IDs or @usernames); an empty list lets anyone answer. */
export function isApprover(list: string, from: Person): boolean {
	const entries = list
		.split(/[\s,;]+/)
		.map((entry) => entry.trim().toLowerCase())
		.filter(Boolean);
	if (entries.length === 0) return true;
	return entries.some(
		(entry) =>
			entry === String(from.id) ||
			(!!from.username && entry.replace(/^@/, '') === from.username.toLowerCase()),
	);
}
