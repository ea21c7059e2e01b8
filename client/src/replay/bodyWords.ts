// What a recorded message carries, as a person reads it in the replay: its game's words (in
// the reader's language, every node by nickname). A body no game words (a kind from a newer
// version, say) is shown as data, with every node id it holds, as a value or a key, replaced
// by the nickname: a person never reads a node id.

import { GAME_UIS } from '../games';
import type { Translator } from '../i18n/translate';

export function bodyLines(
  t: Translator,
  env: { kind: string; from: string; to: string; body: unknown },
  names: Map<string, string>,
): string[] {
  const name = (id: string) => names.get(id) ?? t('replay.body.someone');
  const game = env.kind.includes(':') ? env.kind.slice(0, env.kind.indexOf(':')) : '';
  const words = GAME_UIS[game]?.messageBody?.(env.kind, env.body, t, name, env);
  if (words) return words;
  const json = JSON.stringify(renamed(env.body, names), null, 2) ?? 'null';
  return [json];
}

function renamed(value: unknown, names: Map<string, string>): unknown {
  if (typeof value === 'string') return names.get(value) ?? value;
  if (Array.isArray(value)) return value.map((v) => renamed(v, names));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [names.get(k) ?? k, renamed(v, names)]));
}
