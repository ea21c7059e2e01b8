// `npm run bench -- --help`: the scenarios, every flag with its default, examples; and the
// check that refuses an unknown scenario or flag instead of running something else.

export interface BenchFlag {
  name: string;
  value?: string;
  text: string;
}

export const SCENARIOS: Readonly<Record<string, { text: string; flags: readonly BenchFlag[] }>> = {
  network: {
    text: 'socket.io clients exchange node-to-node messages through the simulated network, beside a bare relay',
    flags: [
      { name: 'nodes', value: 'N', text: 'clients, all in one room (default 300)' },
      { name: 'rate', value: 'R', text: 'node-to-node messages per second, in total (default 1000)' },
      { name: 'seconds', value: 'S', text: 'how long to send (default 10)' },
    ],
  },
  rooms: {
    text: 'R rooms of N nodes on one server, load generators in processes of their own, each node one message a second, beside the bare relay',
    flags: [
      { name: 'rooms', value: 'R', text: 'rooms (default 100)' },
      { name: 'nodes', value: 'N', text: 'nodes in each room (default 30)' },
      { name: 'seconds', value: 'S', text: 'how long to send (default 30)' },
      { name: 'window', value: 'S', text: 'CPU and latency are given window by window, this long each (default 10)' },
      { name: 'generators', value: 'G', text: 'load generator processes (default 2)' },
      { name: 'runs', value: 'N', text: 'runs of each server; min / median / max (default 3)' },
      { name: 'whole-views', text: 'nodes ask for whole views instead of patches (as a simple program may)' },
      { name: 'stage', text: "each room also has its projector stage, taking patches as the stage's page does: its bytes a second" },
      { name: 'stage-whole', text: 'the same, the stage taking whole pictures (as a simple program may)' },
      { name: 'profile', value: 'DIR', text: "write the product server's CPU profile (node --cpu-prof) into DIR" },
      {
        name: 'heap-snapshot',
        value: 'DIR',
        text: 'write a heap snapshot of each server into DIR/product and DIR/relay once the load stops (test/bench/heap-kinds.ts reads them)',
      },
    ],
  },
  cluster: {
    text: 'cluster mode: P server processes on one Redis under the rooms load, beside one process; then kill -9 of a room owner and the takeover time',
    flags: [
      { name: 'rooms', value: 'R', text: 'rooms (default 100)' },
      { name: 'nodes', value: 'N', text: 'phones in each room (default 30)' },
      { name: 'seconds', value: 'S', text: 'how long to send (default 20)' },
      { name: 'window', value: 'S', text: 'CPU and latency are measured window by window, this long each (default 10)' },
      { name: 'processes', value: 'P', text: 'server processes of the cluster (default 4)' },
      { name: 'generators', value: 'G', text: 'load generator processes, each on one server process (default 4)' },
      { name: 'lease', value: 'MS', text: "a room owner's lease in Redis (CLUSTER_LEASE_MS, default 2500)" },
      { name: 'runs', value: 'N', text: 'runs of each; min / median / max (default 3)' },
    ],
  },
  'big-room': {
    text: 'one room of N nodes (a lecture hall), each node one message a second, beside the bare relay',
    flags: [
      { name: 'nodes', value: 'N', text: 'nodes in the room (default 2000, at most 5000)' },
      { name: 'seconds', value: 'S', text: 'how long to send (default 30)' },
      { name: 'window', value: 'S', text: 'CPU and latency are given window by window, this long each (default 10)' },
      { name: 'generators', value: 'G', text: 'load generator processes (default 2)' },
      { name: 'runs', value: 'N', text: 'runs of each server; min / median / max (default 3)' },
      { name: 'whole-views', text: 'nodes ask for whole views instead of patches' },
      { name: 'stage', text: "the room also has its projector stage, taking patches as the stage's page does: its bytes a second" },
      { name: 'stage-whole', text: 'the same, the stage taking whole pictures' },
      { name: 'profile', value: 'DIR', text: "write the product server's CPU profile into DIR" },
      {
        name: 'heap-snapshot',
        value: 'DIR',
        text: 'write a heap snapshot of each server into DIR/product and DIR/relay once the load stops',
      },
    ],
  },
  recording: {
    text: "a sandbox room's recording, bytes per envelope (20-character texts), in the current format beside version 1 for the same events",
    flags: [
      { name: 'nodes', value: 'N', text: 'people in the room, each one text a second (default 30)' },
      { name: 'seconds', value: 'S', text: 'how long they send, on virtual time (default 60)' },
      { name: 'latency', value: 'MS', text: 'network latency (default 0)' },
      { name: 'jitter', value: 'MS', text: 'plus up to this much (default 0)' },
      { name: 'runs', value: 'N', text: 'runs, seeds 1, 2, 3…; min / median / max (default 3)' },
    ],
  },
  simulate: {
    text: 'the headless simulator (gossip, one big trial; 5-node elections) beside the same models in plain JavaScript',
    flags: [
      { name: 'nodes', value: 'N', text: 'gossip nodes (default 100000)' },
      { name: 'fanout', value: 'K', text: 'gossip fanout (default 2)' },
      { name: 'trials', value: 'T', text: '5-node election trials per measurement (default 500)' },
      { name: 'runs', value: 'N', text: 'runs of each; min / median / max (default 3)' },
    ],
  },
  ack: {
    text: "a tap's time to its ok (after fdatasync), beside the same server answering at once",
    flags: [
      { name: 'nodes', value: 'N', text: 'clients, all in one sandbox round (default 300)' },
      { name: 'rate', value: 'R', text: 'taps per second, in total (default 300: one a second each)' },
      { name: 'seconds', value: 'S', text: 'how long to tap (default 10)' },
    ],
  },
  console: {
    text: "the console's live map in headless Chromium, with traffic and idle",
    flags: [
      { name: 'nodes', value: 'N', text: 'bots in the room (default 300)' },
      { name: 'rate', value: 'R', text: 'messages per second on the network (default 1000)' },
      { name: 'seconds', value: 'S', text: 'how long to measure (default 10)' },
    ],
  },
  replay: {
    text: 'a generated recording opened, folded, scrubbed and exported, in Node and in Chromium',
    flags: [
      { name: 'events', value: 'N', text: 'events in the recording (default 200000)' },
      { name: 'nodes', value: 'N', text: 'nodes in the recording (default 30)' },
      { name: 'no-browser', text: 'skip the Chromium half' },
    ],
  },
  'phone-load': {
    text: 'the join page and a game screen on a slow phone (CPU and network throttled), beside the same build served uncompressed',
    flags: [
      { name: 'runs', value: 'N', text: 'cold and warm loads measured this many times; min / median / max (default 3)' },
      { name: 'cpu', value: 'X', text: 'CPU slowdown (default 4)' },
      { name: 'kbps', value: 'KB', text: 'download and upload, kilobytes per second (default 50)' },
      { name: 'rtt', value: 'MS', text: 'round-trip time added to every request (default 2000)' },
      { name: 'baseline', value: 'REF', text: 'also measure the client of this git commit, built with its own config (default: none)' },
    ],
  },
  figure16: {
    text: "Raft's Figure 16 (time without leader after a leader crash) per curve, beside the paper's published figures",
    flags: [
      { name: 'runs', value: 'N', text: 'each curve this many times, seeds 1, 2, 3…; min / median / max (default 3)' },
      { name: 'trials', value: 'N', text: "trials per curve (default the paper's: 100 for 150-150, 1000 for the others)" },
      { name: 'curves', value: 'LIST', text: 'comma-separated timeout ranges, e.g. 150-155,12-24 (default every curve of both graphs)' },
    ],
  },
  'gossip-theory': {
    text: 'simulated gossip (push k = 1, 2 for N = 30 … 10,000; pull; push-pull; push under loss) beside the formula of its mode',
    flags: [
      { name: 'runs', value: 'N', text: 'each row this many times, seeds 1, 2, 3…; min / median / max (default 3)' },
      { name: 'quick', text: 'three trials per row instead of 100 (30 at N = 3,000, 10 at 10,000): a smoke run' },
    ],
  },
};

export const COMMON: readonly BenchFlag[] = [
  { name: 'json', text: 'print the figures as one line of JSON' },
  { name: 'help', text: 'print this text' },
];

export function benchUsage(): string {
  const left = (f: BenchFlag) => `    --${f.name}${f.value ? ` ${f.value}` : ''}`;
  const all = [...COMMON, ...Object.values(SCENARIOS).flatMap((s) => s.flags)];
  const width = Math.max(...all.map((f) => left(f).length)) + 2;
  const line = (f: BenchFlag) => `${left(f).padEnd(width)}${f.text}`;
  return [
    'Usage: npm run bench -- [SCENARIO...] [flags]',
    '',
    'Performance figures, each beside a baseline measured in the same run. Without a scenario,',
    'every scenario runs.',
    '',
    'Scenarios:',
    ...Object.entries(SCENARIOS).flatMap(([name, s]) => [`  ${name}: ${s.text}`, ...s.flags.map(line)]),
    '',
    'Flags:',
    ...COMMON.map(line),
    '',
    'Examples:',
    '  npm run bench -- rooms --rooms 100 --nodes 30 --seconds 30',
    '  npm run bench -- big-room --nodes 2000 --runs 1 --profile /tmp/prof',
    '  npm run bench -- cluster --rooms 100 --nodes 30 --processes 4',
    '  npm run bench -- simulate --nodes 100000 --trials 500',
    '  npm run bench -- ack --nodes 300 --rate 300 --seconds 10',
    '  npm run bench -- network --nodes 300 --rate 1000 --seconds 10',
    '  npm run bench -- console --nodes 300 --rate 1000',
    '  npm run bench -- replay --events 200000 --no-browser',
    '  npm run bench -- phone-load --runs 3 --baseline main',
    '  npm run bench -- figure16 --runs 3',
    '  npm run bench -- gossip-theory --runs 3',
    '  npm run bench -- figure16 --curves 150-155,12-24 --trials 200 --runs 1',
    '  npm run bench -- --json',
    '',
  ].join('\n');
}

/** What is wrong with the command line, or null: an unknown scenario, or a flag no chosen scenario takes. */
export function badArgs(scenarios: readonly string[], flagNames: readonly string[]): string | null {
  const everyFlag = new Set([...COMMON, ...Object.values(SCENARIOS).flatMap((s) => s.flags)].map((f) => f.name));
  const typos = flagNames.filter((f) => !everyFlag.has(f));
  // A typo first: the word after it may be its value, not a scenario.
  if (typos.length) return `unknown flag ${typos.map((f) => `--${f}`).join(', ')}`;
  const unknown = scenarios.filter((s) => !(s in SCENARIOS));
  if (unknown.length) return `unknown scenario ${unknown.join(', ')}`;
  const chosen = scenarios.length ? scenarios : Object.keys(SCENARIOS);
  const known = new Set([...COMMON, ...chosen.flatMap((s) => SCENARIOS[s]!.flags)].map((f) => f.name));
  const bad = flagNames.filter((f) => !known.has(f));
  return bad.length ? `${bad.map((f) => `--${f}`).join(', ')} is not a flag of ${chosen.join(', ')}` : null;
}

/** The scenario names on a command line: the words that are not a flag's value. */
export function scenarioWords(argv: readonly string[]): string[] {
  const takesValue = new Set([...COMMON, ...Object.values(SCENARIOS).flatMap((s) => s.flags)].filter((f) => f.value).map((f) => f.name));
  return argv.filter((word, i) => {
    if (word.startsWith('--')) return false;
    const before = i > 0 ? argv[i - 1]! : '';
    return !(before.startsWith('--') && !before.includes('=') && takesValue.has(before.slice(2)));
  });
}
