// A refusal from the server in the reader's language: its code worded by the catalogue (with
// nicknames for nodes), or the server's own sentence for a code this client has no words for
// yet (a newer server, or a game's refusal not in the catalogue).

import type { ErrorInfo } from '../../../shared/protocol/result';
import type { NameOf } from '../i18n/words';
import { wordParams } from '../i18n/words';
import type { Translator } from '../i18n/translate';

export function errorText(t: Translator, e: Pick<ErrorInfo, 'code' | 'message' | 'params'>, nameOf?: NameOf): string {
  const local = t.dynamic(`phone.error.${e.code}`, wordParams(t, e.params, nameOf ?? (() => '?')));
  return local ?? t.dynamic(`error.${e.code}`, wordParams(t, e.params, nameOf ?? (() => '?'))) ?? e.message;
}
