// Notices and errors as text in a component: `<NoticeText notice={n} nameOf={name} />`.

import type { Notice } from '../../../shared/protocol/notice';
import type { ErrorInfo } from '../../../shared/protocol/result';
import type { FaultLogEntry } from '../../../shared/protocol/views';
import { useT } from './I18nProvider';
import { wordError, wordFaultLog, wordNotice, type NameOf } from './words';

const byId: NameOf = (id) => id;

/** A notice in the reader's language; `nameOf` (the roster's nicknames) names its nodes. */
export function NoticeText({ notice, nameOf = byId }: { notice: Notice; nameOf?: NameOf }) {
  return wordNotice(useT(), notice, nameOf);
}

/** A stable React key for a notice in a list. */
export const noticeKey = (n: Notice): string => `${n.code}:${JSON.stringify(n.params ?? {})}`;

/** One line of the fault log in the reader's language (a fault, a drill, a script's step). */
export function FaultLogText({ entry, nameOf = byId }: { entry: FaultLogEntry; nameOf?: NameOf }) {
  return wordFaultLog(useT(), entry, nameOf);
}

/** A refusal (a game's `Rejection`, a server `ErrorInfo`) in the reader's language. */
export function ErrorText({ error, game, nameOf = byId }: { error: Pick<ErrorInfo, 'code' | 'params'>; game?: string; nameOf?: NameOf }) {
  return wordError(useT(), error, nameOf, game);
}
