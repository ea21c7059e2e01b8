// Words every screen uses: the language picker, loading, generic buttons.
export default {
  'common.language': 'Language',
  'common.language.auto': 'Automatic',
  // Each language is named in itself, in every catalogue (a Spanish reader looks for "Español").
  'common.language.en': 'English',
  'common.language.es': 'Español',
  'common.language.fr': 'Français',
  'common.language.roomControl': 'Room language',
  'common.language.eachBrowser': 'Each screen’s own',
  'common.loading': 'Loading…',
  // Each game's name (a `game` parameter of a notice or an error is worded with it).
  'game.sandbox.name': 'Sandbox: send a message',
  'game.gossip.name': 'Gossip: spread the rumour',
  'game.election.name': 'Card leader election (Raft)',
  'game.byzantine.name': 'Byzantine generals: lying rounds',
} as const;
