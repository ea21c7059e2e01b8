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
} as const;
