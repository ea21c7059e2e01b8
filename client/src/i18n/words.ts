// Notices ({code, params} from the engines and the session core) and server errors ({code,
// params}) in the reader's language. Node parameters are shown by nickname, never by id.
// A notice's message is "notice." + its code; an error's is "error." + its code.

import type { NodeId } from '../../../shared/protocol/ids';
import type { Notice, NoticeParam } from '../../../shared/protocol/notice';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { Translator } from './translate';

/** How a screen names a node: its nickname (the roster), whatever the id. */
export type NameOf = (node: NodeId) => string;

/** A notice's params as the message reads them: nicknames for nodes, lists worded, the rest as they are. */
export function wordParams(t: Translator, params: Notice['params'], nameOf: NameOf): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!params) return out;
  for (const [k, v] of Object.entries(params)) {
    // A game is named as the catalogue names it ("Card leader election (Raft)"), not by its id.
    out[k] = k === 'game' && typeof v === 'string' ? gameName(t, v) : wordParam(t, v, nameOf);
  }
  return out;
}

function wordParam(t: Translator, v: NoticeParam, nameOf: NameOf): string | number {
  if (v === null) return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return t.list(v.map((x) => (typeof x === 'number' ? t.number(x) : x)));
  if ('node' in v) return nameOf(v.node);
  if ('nodes' in v) return t.list(v.nodes.map(nameOf));
  return String(v);
}

/** A game's name in the reader's language (`game.<id>.name`); its id for a game this client does not know. */
export function gameName(t: Translator, game: string): string {
  return t.dynamic(`game.${game}.name`) ?? game;
}

/** A notice in the reader's language; its code when the catalogue has no message for it (a newer server). */
export function wordNotice(t: Translator, n: Notice, nameOf: NameOf): string {
  return t.dynamic(`notice.${n.code}`, wordParams(t, n.params, nameOf)) ?? n.code;
}

/**
 * A server error in the reader's language. An action a game refused reads `error.<game>.<code>`
 * first (games share codes like `bad_recipient` with different reasons), then `error.<code>`.
 */
export function wordError(
  t: Translator,
  e: Pick<ErrorInfo, 'code' | 'params'> & { message?: string },
  nameOf: NameOf = (id) => id,
  game?: string,
): string {
  const params = wordParams(t, e.params, nameOf);
  return (
    (game ? t.dynamic(`error.${game}.${e.code}`, params) : null) ??
    t.dynamic(`error.${e.code}`, params) ??
    t('error.unknown', { code: e.code })
  );
}
