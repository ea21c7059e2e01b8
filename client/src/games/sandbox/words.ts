// A sandbox text as a person reads it: a person's text as typed; a bot's (its hello, its echoes)
// worded in the reader's language, with nicknames ([S7]: no bot text holds a node id).

import type { BotSays, SandboxClassRecap } from '../../../../shared/games/sandbox/config';
import type { Translator } from '../../i18n/translate';

const ECHO = 'echo: ';

/** `from` sent the text to `to`; `name` gives a node's nickname. */
export function sandboxText(
  t: Translator,
  m: { text: string; bot?: BotSays },
  from: string,
  to: string,
  name: (id: string) => string,
): string {
  switch (m.bot) {
    case 'hello':
      return t('phone.sandbox.bot.hello', { name: name(from) });
    // The echo of a bot's hello goes back to that bot: the hello was from the echo's addressee.
    case 'echo-hello':
      return t('phone.sandbox.bot.echo', { text: t('phone.sandbox.bot.hello', { name: name(to) }) });
    case 'echo':
      return t('phone.sandbox.bot.echo', { text: m.text.startsWith(ECHO) ? m.text.slice(ECHO.length) : m.text });
    default:
      return m.text;
  }
}

/** The class's half of a phone's ending after a sandbox round: what the class sent, and what arrived or was lost. */
export function sandboxClassRecapText(t: Translator, r: SandboxClassRecap): string {
  return t('phone.sandbox.recapClass', { sent: r.sent, arrived: r.arrived, dropped: r.dropped, duplicated: r.duplicated ?? 0 });
}

/** The class recap the server put in the phone's view after a sandbox round, if it is one. */
export function asSandboxClassRecap(x: unknown): SandboxClassRecap | null {
  return typeof x === 'object' && x !== null && (x as { game?: unknown }).game === 'sandbox' ? (x as SandboxClassRecap) : null;
}
