// Turns the simulator's command-line words into flags, network settings and a fault schedule.

import { defaultFaults, type Faults } from '../net/faults';
import { isDrillName } from '../net/drills';
import { orderedSteps, type DrillScript } from '../net/script';
import { rangeFlag, rateFlag, type SimFlags } from './plugin';
import type { ScheduleStep } from './runner';

/** Flags that repeat (`--partition 3,2@2000 --partition 5@9000`). */
const REPEATABLE = new Set(['partition', 'heal', 'crash', 'restart', 'drill-at']);

export interface ParsedArgs {
  flags: SimFlags;
  repeated: Record<string, string[]>;
}

/** `--key value`, `--key=value`, bare `--key` (true). Values may start with "@" or "-". */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const flags: SimFlags = {};
  const repeated: Record<string, string[]> = {};
  for (let i = 0; i < argv.length; i++) {
    const word = argv[i] ?? '';
    if (!word.startsWith('--')) throw new Error(`Unexpected argument "${word}" (flags look like --nodes 5).`);
    let key = word.slice(2);
    let value: string | boolean = true;
    const eq = key.indexOf('=');
    const following = argv[i + 1];
    if (eq >= 0) {
      value = key.slice(eq + 1);
      key = key.slice(0, eq);
    } else if (following !== undefined && !following.startsWith('--')) {
      value = following;
      i++;
    }
    if (REPEATABLE.has(key)) repeated[key] = [...(repeated[key] ?? []), String(value)];
    else flags[key] = value;
  }
  return { flags, repeated };
}

/** "@2000" or "2000" → 2000 */
function atTime(text: string, flag: string): number {
  const m = /^@?(\d+)$/.exec(text.trim());
  if (!m) throw new Error(`--${flag}: "${text}" is not a time like @2000 (ms).`);
  return Number(m[1]);
}

/** The network settings (loss, latency, duplication) every trial starts with. */
export function faultsFromFlags(flags: SimFlags): Faults {
  const [lo, hi] = rangeFlag(flags, 'latency', [0, 0]);
  const faults = defaultFaults({ base: lo, jitter: hi - lo });
  faults.loss = rateFlag(flags, 'loss');
  faults.dup = rateFlag(flags, 'dup');
  return faults;
}

/** The fault schedule from --partition, --heal, --crash, --restart and --drill-at. */
export function scheduleFromFlags(args: ParsedArgs, nodes: number): ScheduleStep[] {
  const steps: ScheduleStep[] = [];
  // The node ids, only for a partition (a 100,000-node run without one makes none).
  const idsOf = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => `n${from + i + 1}`);
  for (const spec of args.repeated.partition ?? []) {
    // 3,2@2000: the first 3 nodes in group A, the next 2 in group B, from 2000 ms.
    const [sizesText, when] = spec.split('@');
    const sizes = (sizesText ?? '').split(',').map(Number);
    if (sizes.some((n) => !Number.isInteger(n) || n < 1) || when === undefined) {
      throw new Error(`--partition "${spec}" must look like 3,2@2000.`);
    }
    const total = sizes.reduce((a, b) => a + b, 0);
    if (total !== nodes) throw new Error(`--partition ${sizesText}: the sizes add up to ${total}, not ${nodes} nodes.`);
    let start = 0;
    const groups = sizes.map((n) => {
      start += n;
      return idsOf(start - n, start);
    });
    steps.push({ at: atTime(when, 'partition'), action: { do: 'fault', op: { op: 'split', groups } } });
  }
  for (const spec of args.repeated.heal ?? []) steps.push({ at: atTime(spec, 'heal'), action: { do: 'fault', op: { op: 'heal' } } });
  for (const spec of args.repeated.restart ?? []) steps.push({ at: atTime(spec, 'restart'), action: { do: 'restart' } });
  for (const spec of args.repeated.crash ?? []) {
    // leader@1000 or 2@1000
    const [who, when] = spec.split('@');
    if (when === undefined || !who) throw new Error(`--crash "${spec}" must look like leader@1000 or 2@1000.`);
    const count = Number(who);
    if (who !== 'leader' && (!Number.isInteger(count) || count < 1)) {
      throw new Error(`--crash "${spec}": say "leader" or a number of nodes.`);
    }
    steps.push({ at: atTime(when, 'crash'), action: { do: 'crash', who: who === 'leader' ? 'leader' : count } });
  }
  for (const spec of args.repeated['drill-at'] ?? []) {
    // isolate-leader@3000
    const [name, when] = spec.split('@');
    if (!name || when === undefined || !isDrillName(name)) throw new Error(`--drill-at "${spec}" must look like halves@3000.`);
    steps.push({ at: atTime(when, 'drill-at'), action: { do: 'drill', name } });
  }
  return steps.sort((a, b) => a.at - b.at);
}

/**
 * A drill script's steps as a fault schedule. The simulator plays one round, which it starts
 * itself at 0, so a script may only "start" at 0 (that step is then skipped) and may "stop".
 */
export function scheduleFromScript(script: DrillScript): ScheduleStep[] {
  return orderedSteps(script).flatMap((step): ScheduleStep[] => {
    const { at, note: _note, ...action } = step;
    if (action.do === 'start') {
      if (at > 0) throw new Error(`The simulator plays one round: the drill may start a game only at 0 s (step at ${at} s).`);
      return [];
    }
    return [{ at: Math.round(at * 1000), action }];
  });
}
