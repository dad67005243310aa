/**
 * What the examples of the operations refer to: the emulator's group (test/emulator), which has
 * user 66 as a member, text messages 1–5 and photo 6 in it, and file BQACAgIAAx-file-1. Tests run
 * every operation with its example.
 */
export const EXAMPLE_GROUP = -1001234567890;
export const exampleChat = { __rl: true, mode: 'id', value: String(EXAMPLE_GROUP) };
export const EXAMPLE_USER = 66;
export const EXAMPLE_MESSAGE = 5;
export const EXAMPLE_PHOTO_MESSAGE = 6;
export const EXAMPLE_URL = 'https://example.com/evidence.jpg';
/** A poll the bot sent to the group earlier (the emulator seeds it), to stop. */
export const EXAMPLE_POLL = 9001;
/** The emulator's forum supergroup, with topic 7 in it. */
export const EXAMPLE_FORUM = -1005550001;
export const EXAMPLE_TOPIC = 7;
/** A second forum: its General topic hidden (so closed), its topic 8 closed. */
export const EXAMPLE_CLOSED_FORUM = -1005550002;
export const EXAMPLE_CLOSED_TOPIC = 8;
