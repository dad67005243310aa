import { createHash, randomBytes, timingSafeEqual } from 'crypto';

/** 43 characters of A-Za-z0-9_- (256 random bits), inside Telegram's secret_token alphabet. */
export function newSecretToken(): string {
	return randomBytes(32).toString('base64url');
}

/** Constant-time whatever the lengths: both sides are hashed to 32 bytes first. */
export function secretMatches(expected: unknown, received: unknown): boolean {
	if (typeof expected !== 'string' || expected === '' || typeof received !== 'string') return false;
	const a = createHash('sha256').update(expected).digest();
	const b = createHash('sha256').update(received).digest();
	return timingSafeEqual(a, b);
}
