// The election area's messages (English, the source). Keys start with "election.". See ../../README.md.
export default {
  // The round's Raft options (shared/games/election/README.md, [E19] and [E20]).
  'election.options.preVote': 'Pre-vote',
  'election.options.preVote.help':
    '(thesis 9.6) a node first asks whether a majority would vote for it, and raises its term only if so: a node back from a partition no longer unseats the leader.',
  'election.options.checkQuorum': 'CheckQuorum',
  'election.options.checkQuorum.help':
    '(thesis 6.2) a leader that has not heard from a majority for an election timeout steps down: a leader cut off in a minority stops believing it leads.',
} as const;
