// The election's constants that its phone screen needs, apart from config.ts: the zod schemas
// there run when their module loads, so importing a number from it would bring zod into the
// phone's game chunk.

export const VALUE_MAX = 40;

/** Envelope kinds (the wire protocol of the game). */
export const KIND = {
  voteRequest: 'election:vote-request',
  vote: 'election:vote',
  preVoteRequest: 'election:prevote-request',
  preVote: 'election:prevote',
  append: 'election:append',
  appendReply: 'election:append-reply',
} as const;
