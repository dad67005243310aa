/**
 * What the examples of the operations refer to: the emulator's group (test/emulator), which has
 * user 66 as a member and message 5 in it. Tests run every operation with its example.
 */
export const EXAMPLE_GROUP = -1001234567890;
export const exampleChat = { __rl: true, mode: 'id', value: String(EXAMPLE_GROUP) };
export const EXAMPLE_USER = 66;
export const EXAMPLE_MESSAGE = 5;
export const EXAMPLE_URL = 'https://example.com/evidence.jpg';
/** Messages the bot sent to the group before (the emulator seeds them): a poll and a photo. */
export const EXAMPLE_POLL = 9001;
export const EXAMPLE_PHOTO_MESSAGE = 9002;
/** The emulator's forum supergroup, with topic 7 in it. */
export const EXAMPLE_FORUM = -1005550001;
export const EXAMPLE_TOPIC = 7;
/** A second forum: its General topic hidden (so closed), its topic 8 closed. */
export const EXAMPLE_CLOSED_FORUM = -1005550002;
export const EXAMPLE_CLOSED_TOPIC = 8;
