// Words a first-year student may not know yet, each explained one tap away, in plain words
// (the catalogue's phone.term.* messages; the game screens load this with themselves).

import { useId, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

/** The terms of art the games explain. */
export const TERMS = [
  'term',
  'majority',
  'lamport',
  'vector',
  'heartbeat',
  'commit',
  'tally',
  'relay',
  'traitor',
  'ic1',
  'ic2',
  'card',
  'fanout',
  'rumour',
  'quorum',
  'lww',
  'crdt',
  'replica',
  'partition',
] as const;

export type TermId = (typeof TERMS)[number];

/**
 * A term of art with its explanation one tap away: the word (or a sentence using it, with the
 * `word` its button asks about), a "?" button beside it, and the explanation under it while open.
 */
export function Term({
  id,
  children,
  word,
}: { id: TermId } & ({ children: string; word?: string } | { children: ReactNode; word: string })) {
  const t = useT();
  const [open, setOpen] = useState(false);
  const defId = useId();
  return (
    <span className="term">
      {children}
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={defId}
        aria-label={t('phone.term.what', { word: word ?? String(children) })}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">?</span>
      </button>
      <span id={defId} className="term-def" role="note" hidden={!open}>
        {t(`phone.term.${id}`)}
      </span>
    </span>
  );
}

/** The one line every game screen opens with: what to do now. */
export function NowLine({ children }: { children: ReactNode }) {
  return (
    <p className="now-line" data-testid="now-line" aria-live="polite">
      {children}
    </p>
  );
}
