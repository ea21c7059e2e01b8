// A refusal from the server in the reader's language: its code worded by the catalogue (with
// nicknames for nodes; a game's own refusals as error.<game>.<code>), or the server's own
// sentence for a code this client has no words for yet (a newer server).

import type { ErrorInfo } from '../../../shared/protocol/result';
import type { NameOf } from '../i18n/words';
import { wordParams } from '../i18n/words';
import type { Translator } from '../i18n/translate';

export function errorText(t: Translator, e: Pick<ErrorInfo, 'code' | 'message' | 'params'>, nameOf?: NameOf, game?: string): string {
  const params = wordParams(t, e.params, nameOf ?? (() => t('phone.someoneWhoLeft')));
  return (
    t.dynamic(`phone.error.${e.code}`, params) ??
    (game ? t.dynamic(`error.${game}.${e.code}`, params) : null) ??
    t.dynamic(`error.${e.code}`, params) ??
    e.message
  );
}
