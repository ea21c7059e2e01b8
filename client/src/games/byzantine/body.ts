// The Byzantine envelopes in words, for the replay's message panel: the value, and who passed
// it on (OM) or signed it (SM), by nickname.

import { KINDS, type ByzantineBody } from '../../../../shared/games/byzantine/config';
import type { MessageBodyWords } from '../types';
import { valueWord } from './look';

export const messageBody: MessageBodyWords = (kind, body, t, name) => {
  const b = body as Partial<ByzantineBody> | null;
  if ((kind !== KINDS.order && kind !== KINDS.relay) || (b?.value !== 'attack' && b?.value !== 'retreat')) return null;
  const path = Array.isArray(b.path) ? b.path.map(name).join(' → ') : '';
  return [
    t('replay.body.byzantine.value', { order: String(kind === KINDS.order), value: valueWord(t, b.value) }),
    t('replay.body.byzantine.path', { signed: String(!!b.signed), path }),
  ];
};
