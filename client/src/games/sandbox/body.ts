// The sandbox's envelope in words, for the replay's message panel ([S7]).

import type { SandboxBody } from '../../../../shared/games/sandbox/config';
import type { MessageBodyWords } from '../types';
import { sandboxText } from './words';

export const messageBody: MessageBodyWords = (_kind, body, t, name, env) => {
  const b = body as Partial<SandboxBody> | null;
  if (typeof b?.text !== 'string') return null;
  return [t('replay.body.sandbox.text', { text: sandboxText(t, { text: b.text, bot: b.bot }, env.from, env.to, name) })];
};
