// The catalogue is downloaded in parts, so that a phone on a crowded Wi-Fi fetches only the
// words of the join page before it can join: `phone` is the join page, the lobby and the
// phone's shell; `rest` is every other area (the games' phone screens, fetched in the lobby
// beside their code, and the console, the stage, the replay). Each part is one chunk per
// language (vite.config.ts groups the area files by this table). A new area goes in one part:
// catalogue.test.ts fails on an area in none or in two.

export const PARTS = {
  phone: ['common', 'phone', 'errors'],
  rest: [
    'election',
    'gossip',
    'byzantine',
    'cart',
    'notices',
    'electionConsole',
    'gossipConsole',
    'byzantineConsole',
    'sandboxConsole',
    'map',
    'console',
    'stage',
    'replay',
    'landing',
    'gameErrors',
    'consoleErrors',
  ],
} as const satisfies Record<string, readonly string[]>;

export type Part = keyof typeof PARTS;
export const ALL_PARTS = Object.keys(PARTS) as Part[];

/** The part an area's file belongs to, from its path (`…/messages/<area>/<lang>.ts`), or null. */
export function partOfFile(file: string): { part: Part; lang: string } | null {
  const [, area = '', lang = ''] = /[\\/]i18n[\\/]messages[\\/]([^\\/]+)[\\/]([a-z]+)\.ts$/.exec(file) ?? [];
  const part = ALL_PARTS.find((p) => (PARTS[p] as readonly string[]).includes(area));
  return part ? { part, lang } : null;
}
