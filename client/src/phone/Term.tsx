// Words a first-year student may not know yet, each explained one tap away (the game screens
// load this with themselves: the join page does not carry the glossary).

import { useId, useState, type ReactNode } from 'react';

/** Plain-words explanations of the terms of art the games use. */
export const GLOSSARY = {
  term: 'A term is the number of an election. Every new election starts a new term. A node votes at most once per term, and a node that sees a higher term than its own catches up and follows.',
  majority:
    'More than half of all the nodes in the round, counting the crashed and unreachable ones too. With 5 nodes a majority is 3; with 8 it is 5.',
  lamport:
    'A Lamport clock is a counter each node keeps: it goes up by one for everything the node does, and when a message arrives it jumps past the sender’s number. If one event caused another, the first has the smaller number.',
  vector:
    'A vector clock is one counter per node. Comparing two of them tells whether one event happened before the other, or whether they happened independently.',
  heartbeat:
    'A short “I am still the leader” message that the leader sends to everyone, again and again. While heartbeats keep coming, no follower starts an election.',
  commit:
    'A value is committed once a majority of the nodes have stored it. From then on it is never lost or changed, even if the leader crashes.',
  tally:
    'Your majority is what most of your messages say: your order, plus what each other lieutenant passed on. A message that never came counts as Retreat, and so does a tie.',
  relay: 'Passing on to every other lieutenant what the commander told you, so that each lieutenant can compare what the others heard.',
  traitor:
    'A general who may lie, and may tell different people different things. Nobody knows who the traitors are: only a traitor’s own phone says so.',
  ic1: 'IC1 (agreement): every loyal lieutenant decides the same thing.',
  ic2: 'IC2 (validity): if the commander is loyal, every loyal lieutenant follows its order.',
  card: 'Your playing card is your name in this round’s election: the other phones show your card. It decides nothing about who wins.',
  fanout: 'How many people each node that knows the rumour tells in each round.',
  rumour: 'A secret word that spreads from phone to phone, like gossip. Nobody sees it until someone who knows it tells them.',
} as const;

export type TermId = keyof typeof GLOSSARY;

/**
 * A term of art with its explanation one tap away: the word, a "?" button beside it, and the
 * explanation under it while open.
 */
export function Term({ id, children }: { id: TermId; children: ReactNode }) {
  const [open, setOpen] = useState(false);
  const defId = useId();
  const word = typeof children === 'string' ? children : id;
  return (
    <span className="term">
      {children}
      <button
        type="button"
        className="term-button"
        aria-expanded={open}
        aria-controls={defId}
        aria-label={`What does “${word}” mean?`}
        onClick={() => setOpen(!open)}
      >
        <span aria-hidden="true">?</span>
      </button>
      <span id={defId} className="term-def" role="note" hidden={!open}>
        {GLOSSARY[id]}
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
