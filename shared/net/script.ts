// Scripted drills: a timeline of steps ("at 0 s start the election; at 20 s isolate the
// leader; at 45 s heal") written as JSON, run by the session core live and by the simulator.

import { z } from 'zod';
import { DRILLS } from './drills';
import { faultNotice, faultOp } from './faults';
import { notice, type Notice } from '../protocol/notice';

/** A one-click drill's name, as a request or a script step may give it. */
export const drillName = z.enum(Object.keys(DRILLS) as [keyof typeof DRILLS, ...(keyof typeof DRILLS)[]]);

export const scriptAction = z.discriminatedUnion('do', [
  z.object({ do: z.literal('start'), game: z.string().min(1).max(32), config: z.unknown().optional() }).strict(),
  z.object({ do: z.literal('stop') }).strict(),
  z.object({ do: z.literal('drill'), name: drillName }).strict(),
  z.object({ do: z.literal('fault'), op: faultOp }).strict(),
  /** Crash the game's leader, or this many live nodes picked at random. */
  z.object({ do: z.literal('crash'), who: z.union([z.literal('leader'), z.number().int().min(1).max(1000)]) }).strict(),
  /** Restart every crashed node. */
  z.object({ do: z.literal('restart') }).strict(),
]);
export type ScriptAction = z.infer<typeof scriptAction>;

export const scriptStep = z.intersection(
  z.object({
    /** Seconds after the script starts. */
    at: z
      .number()
      .min(0)
      .max(24 * 3600),
    /** What the console shows for this step (optional). */
    note: z.string().max(120).optional(),
  }),
  scriptAction,
);
export type ScriptStep = z.infer<typeof scriptStep>;

export const drillScript = z
  .object({
    /** A preset's id: its name and description are worded by the reader's catalogue (`script.<id>.name`). */
    id: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional(),
    name: z.string().trim().min(1).max(80),
    description: z.string().max(500).optional(),
    steps: z.array(scriptStep).min(1).max(200),
  })
  .strict();
export type DrillScript = z.infer<typeof drillScript>;

/** The steps in time order (a stable sort: steps at the same second keep their order). */
export function orderedSteps(script: DrillScript): ScriptStep[] {
  return script.steps
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.at - b.s.at || a.i - b.i)
    .map(({ s }) => s);
}

/**
 * A step as a notice (`net.step.<do>`, a fault step as its fault's notice), for screens to word;
 * a step's own note is the instructor's words and is shown as written.
 */
export function stepNotice(step: ScriptAction): Notice {
  switch (step.do) {
    case 'start':
      return notice('net.step.start', { game: step.game });
    case 'stop':
      return notice('net.step.stop');
    case 'drill':
      return notice('net.step.drill', { drill: step.name });
    case 'fault':
      return faultNotice(step.op);
    case 'crash':
      return step.who === 'leader' ? notice('net.step.crash_leader') : notice('net.step.crash', { count: step.who });
    case 'restart':
      return notice('net.step.restart');
  }
}

/** A step in English words, for logs ("isolate the leader"); screens word `stepNotice`. */
export function describeStep(step: ScriptStep): string {
  if (step.note) return step.note;
  switch (step.do) {
    case 'start':
      return `start ${step.game}`;
    case 'stop':
      return 'stop the round';
    case 'drill':
      return DRILLS[step.name].toLowerCase();
    case 'fault':
      return `fault: ${step.op.op}`;
    case 'crash':
      return step.who === 'leader' ? 'crash the leader' : `crash ${step.who} random node${step.who === 1 ? '' : 's'}`;
    case 'restart':
      return 'restart every crashed node';
  }
}

/** Drills that ship with the product; the console lists them beside the instructor's own. */
export const PRESET_SCRIPTS: DrillScript[] = [
  {
    id: 'split-brain',
    name: 'Split brain: isolate the leader',
    description: 'Elect a leader, cut it off from the majority, watch the majority elect a new one, then heal.',
    steps: [
      { at: 0, do: 'start', game: 'election', config: { pace: 'class' } },
      { at: 40, do: 'drill', name: 'isolate-leader' },
      { at: 90, do: 'drill', name: 'heal' },
    ],
  },
  {
    id: 'three-against-two',
    name: 'Three against two',
    description: 'The textbook partition: only the side with a majority can elect and commit.',
    steps: [
      { at: 0, do: 'start', game: 'election', config: { pace: 'class' } },
      { at: 30, do: 'drill', name: 'halves' },
      { at: 90, do: 'drill', name: 'heal' },
    ],
  },
  {
    id: 'rumour-across-a-cut',
    name: 'Rumour across a cut',
    description: 'Gossip with the class split in two; heal half-way and watch the rumour jump the gap.',
    steps: [
      { at: 0, do: 'start', game: 'gossip' },
      { at: 1, do: 'drill', name: 'halves' },
      { at: 60, do: 'drill', name: 'heal' },
    ],
  },
  {
    id: 'bad-wifi',
    name: 'Bad Wi-Fi',
    description: 'Sandbox with growing loss and latency, then everything healed.',
    steps: [
      { at: 0, do: 'start', game: 'sandbox' },
      { at: 20, do: 'fault', op: { op: 'loss', rate: 0.3 } },
      { at: 40, do: 'fault', op: { op: 'latency', base: 1500, jitter: 1500 } },
      { at: 60, do: 'drill', name: 'heal-all' },
    ],
  },
  {
    id: 'disruptive-return',
    name: 'Disruptive return: without, then with pre-vote',
    description:
      'Cut a follower off: it keeps standing and raising its term, and when the cut heals its higher term unseats the healthy leader. Then the same with pre-vote (thesis 9.6): it asks first, nobody can answer, its term stays, and the leader keeps leading.',
    steps: [
      { at: 0, do: 'start', game: 'election', config: { pace: 'class' }, note: 'election without pre-vote' },
      { at: 30, do: 'drill', name: 'isolate-follower' },
      { at: 90, do: 'drill', name: 'heal', note: 'heal: watch the leader step down' },
      { at: 120, do: 'start', game: 'election', config: { pace: 'class', preVote: true }, note: 'election with pre-vote' },
      { at: 150, do: 'drill', name: 'isolate-follower' },
      { at: 210, do: 'drill', name: 'heal', note: 'heal: the leader keeps leading' },
    ],
  },
  {
    id: 'crash-a-minority',
    name: 'Crash a minority',
    description: 'Crash the leader, then a minority; the cluster keeps going while a majority lives.',
    steps: [
      { at: 0, do: 'start', game: 'election', config: { pace: 'class' } },
      { at: 40, do: 'crash', who: 'leader' },
      { at: 80, do: 'drill', name: 'kill-minority' },
      { at: 120, do: 'restart' },
    ],
  },
];
