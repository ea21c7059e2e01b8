// Notices ({code, params} from the engines and the session core) and server errors ({code,
// params}) in the reader's language. Node parameters are shown by nickname, never by id.
// A notice's message is "notice." + its code; an error's is "error." + its code.

import type { NodeId } from '../../../shared/protocol/ids';
import type { Notice, NoticeParam } from '../../../shared/protocol/notice';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { FaultLogEntry } from '../../../shared/protocol/views';
import type { Translator } from './translate';

/** How a screen names a node: its nickname (the roster), whatever the id. */
export type NameOf = (node: NodeId) => string;

/** A notice's params as the message reads them: nicknames for nodes, lists worded, the rest as they are. */
export function wordParams(t: Translator, params: Notice['params'], nameOf: NameOf): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  if (!params) return out;
  for (const [k, v] of Object.entries(params)) {
    // A game and a one-click drill are named as the catalogue names them, not by their ids.
    if (k === 'game' && typeof v === 'string') out[k] = gameName(t, v);
    else if (k === 'drill' && typeof v === 'string') out[k] = drillName(t, v);
    else out[k] = wordParam(t, v, nameOf);
  }
  return out;
}

function wordParam(t: Translator, v: NoticeParam, nameOf: NameOf): string | number {
  if (v === null) return 'none';
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (typeof v === 'string' || typeof v === 'number') return v;
  if (Array.isArray(v)) return t.list(v.map((x) => (typeof x === 'number' ? t.number(x) : x)));
  if ('node' in v) return nameOf(v.node);
  if ('nodes' in v) return nodeList(t, v.nodes.map(nameOf));
  return String(v);
}

/** Past this many names a list reads "Ana, Ben, Chloe, Dan, Eve and 25 others". */
const LIST_MAX = 6;

function nodeList(t: Translator, names: readonly string[]): string {
  if (names.length <= LIST_MAX) return t.list(names);
  const shown = LIST_MAX - 1;
  return t.list([...names.slice(0, shown), t('common.others', { count: names.length - shown })]);
}

/** A one-click drill's name in the reader's language (`drill.<name>.name`), or its name as sent. */
export function drillName(t: Translator, drill: string): string {
  return t.dynamic(`drill.${drill}.name`) ?? drill;
}

/** A drill script's name: a preset's in the reader's language (`script.<id>.name`), an instructor's own as written. */
export function scriptName(t: Translator, script: { id?: string; name: string }): string {
  return (script.id ? t.dynamic(`script.${script.id}.name`) : null) ?? script.name;
}

/** A drill script's description, the same way (`script.<id>.description`). */
export function scriptDescription(t: Translator, script: { id?: string; description?: string }): string | null {
  return (script.id ? t.dynamic(`script.${script.id}.description`) : null) ?? script.description ?? null;
}

/**
 * Why a round (or a drill, a session) ended: a code worded by the catalogue (`reason.<code>`:
 * `instructor`, `gossip.everyone`…); an older recording's English reason as it was recorded.
 */
export function wordReason(t: Translator, reason: string): string {
  return t.dynamic(`reason.${reason}`) ?? reason;
}

/** A drill step's note: a preset's in the reader's language (`script.<id>.note.<index>`), an instructor's own as written. */
export function stepNote(t: Translator, script: string | undefined, index: number, note: string): string {
  return (script ? t.dynamic(`script.${script}.note.${index}`) : null) ?? note;
}

/** One line of the fault log: the change (by a drill, by a script's step) and why a step could not run. */
export function wordFaultLog(t: Translator, e: FaultLogEntry, nameOf: NameOf): string {
  const what =
    e.step?.note !== undefined
      ? stepNote(t, e.step.script, e.step.index, e.step.note)
      : e.notice
        ? wordNotice(t, e.notice, nameOf)
        : e.text;
  if (e.step) {
    const at = { index: e.step.index + 1, of: e.step.of, what };
    return e.failed ? t('common.faultLog.stepFailed', { ...at, why: wordError(t, e.failed, nameOf) }) : t('common.faultLog.step', at);
  }
  if (!e.notice) return e.text;
  return e.drill ? t('common.faultLog.drill', { drill: drillName(t, e.drill), what }) : what;
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
