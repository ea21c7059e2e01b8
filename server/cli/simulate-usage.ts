// `npm run simulate -- --help`: every flag with its default, and the check that refuses a flag
// the simulator would silently ignore (a typo like --node 5 must not run five default nodes).
// simulate-usage.test.ts checks these lists against the flags each game's plug-in really reads.

import { MODES } from '../../shared/games/gossip/config';
import { MODES as CART_MODES } from '../../shared/games/cart/config';
import { SIM_DEFAULTS as CART_SIM } from '../../shared/games/cart/sim';
import { STRATEGIES } from '../../shared/games/byzantine/config';
import { PACES } from '../../shared/games/election/config';
import { DRILLS } from '../../shared/net/drills';

export interface FlagDoc {
  /** The flag without its dashes. */
  name: string;
  /** What follows it, e.g. "N" or "MIN-MAX"; none for a switch. */
  value?: string;
  text: string;
}

const range = (r: readonly [number, number]) => `${r[0]}-${r[1]}`;

export const COMMON_FLAGS: readonly FlagDoc[] = [
  { name: 'game', value: 'NAME', text: 'the game to play: election, gossip, byzantine, cart or sandbox (required)' },
  { name: 'nodes', value: 'N', text: 'nodes in the room, all bots (default 5)' },
  { name: 'trials', value: 'T', text: 'independent trials, each with a seed derived from --seed (default 1)' },
  { name: 'seed', value: 'S', text: 'the seed everything random is drawn from (default 1)' },
  { name: 'json', text: 'print {"game", "trials", "summary"} as one line of JSON (default: a short summary)' },
  { name: 'help', text: 'print this text' },
];

export const FAULT_FLAGS: readonly FlagDoc[] = [
  { name: 'loss', value: 'RATE', text: 'share of messages lost, 0 to 1 (default 0)' },
  { name: 'dup', value: 'RATE', text: 'share of messages delivered twice, 0 to 1 (default 0)' },
  { name: 'latency', value: 'MIN-MAX', text: 'delivery delay in ms, drawn per message (default 0-0)' },
  { name: 'partition', value: 'A,B@MS', text: 'split into groups of these sizes, in seat order, at MS (repeatable)' },
  { name: 'heal', value: '@MS', text: 'heal every partition at MS (repeatable)' },
  {
    name: 'crash',
    value: 'K@MS',
    text: 'crash K random nodes at MS, or "leader": the node leading at MS (or the next to lead), at a moment spread over one heartbeat (repeatable)',
  },
  { name: 'until-new-leader', text: 'end each trial as soon as a node leads after the leader crash' },
  { name: 'restart', value: '@MS', text: 'restart the crashed nodes at MS (repeatable)' },
  { name: 'drill-at', value: 'NAME@MS', text: `run a one-click drill at MS (repeatable): ${Object.keys(DRILLS).join(', ')}` },
  { name: 'drill', value: 'FILE.json', text: 'a drill script as the console saves it (its step times are seconds)' },
];

export const GAME_FLAGS: Readonly<Record<string, readonly FlagDoc[]>> = {
  election: [
    { name: 'pace', value: 'fast|class', text: 'timing preset (default fast)' },
    {
      name: 'timeout',
      value: 'MIN-MAX',
      text: `election timeout in ms (default ${range(PACES.fast.timeoutMs)}; class ${range(PACES.class.timeoutMs)})`,
    },
    {
      name: 'heartbeat',
      value: 'MIN-MAX',
      text: `leader heartbeat in ms (default ${range(PACES.fast.heartbeatMs)}; class ${range(PACES.class.heartbeatMs)})`,
    },
    {
      name: 'bot-delay',
      value: 'MIN-MAX',
      text: `bot reaction in ms (default ${range(PACES.fast.botDelayMs)}; class ${range(PACES.class.botDelayMs)})`,
    },
    {
      name: 'processing',
      value: 'MIN-MAX',
      text: `processing time per message and per timer in ms (default ${range(PACES.fast.processingMs)}; class ${range(PACES.class.processingMs)})`,
    },
    { name: 'pre-vote', text: 'pre-vote before standing (thesis 9.6): a node raises its term only if a majority would vote for it' },
    {
      name: 'check-quorum',
      text: 'CheckQuorum (thesis 6.2): a leader steps down when a majority has not answered for an election timeout',
    },
    { name: 'duration', value: 'MS', text: 'virtual time per trial (default 10000, or the last fault + 4000; class 180000, or + 60000)' },
  ],
  gossip: [
    { name: 'mode', value: MODES.join('|'), text: 'how nodes spread the rumour (default push)' },
    { name: 'fanout', value: 'K', text: 'nodes each node tells per round, 1 to 16 (default 2)' },
    { name: 'max-rounds', value: 'R', text: 'rounds before the game gives up (default 200)' },
    { name: 'round-ms', value: 'MS', text: 'length of a round (default 1000)' },
    { name: 'heal-wait', value: 'R', text: 'rounds to wait for a heal when the only nodes left are cut off (default 3)' },
    { name: 'bot-delay', value: 'MS', text: 'bot reaction at the start of a round (default 10)' },
    { name: 'bot-jitter', value: 'MS', text: 'extra random reaction, 0 to this (default 0)' },
    { name: 'origin', value: 'NODE', text: 'the node that starts with the rumour, e.g. n1 (default: drawn)' },
    { name: 'word', value: 'TEXT', text: 'the rumour (default: drawn)' },
  ],
  byzantine: [
    { name: 'traitors', value: 'F', text: 'traitors, the commander included when it is one (default 1)' },
    { name: 'm', value: 'M', text: 'rounds of relays, OM(m) or SM(m), 1 to 3 (default 1)' },
    { name: 'signed', text: 'signed messages SM(m) instead of oral messages OM(m)' },
    { name: 'commander-traitor', value: '[P]', text: 'the commander is a traitor; with P, with that chance (default: loyal)' },
    { name: 'strategy', value: STRATEGIES.join('|'), text: 'how traitors lie (default flip)' },
    { name: 'order', value: 'attack|retreat', text: "a loyal commander's order (default: drawn)" },
    { name: 'phase', value: 'MS', text: 'length of each phase (default 1000)' },
    { name: 'bot-delay', value: 'MS', text: 'bot reaction (default 10)' },
  ],
  cart: [
    { name: 'mode', value: CART_MODES.join('|'), text: 'how replicas answer a partition (default quorum)' },
    {
      name: 'sync-ms',
      value: 'MS',
      text: `anti-entropy period: each replica sends its state to a random peer (default ${CART_SIM.syncMs})`,
    },
    { name: 'timeout', value: 'MS', text: `how long a quorum write waits for a majority (default ${CART_SIM.quorumTimeoutMs})` },
    { name: 'bot-every', value: 'MS', text: `a bot taps about this often (default ${CART_SIM.botEveryMs})` },
    { name: 'bot-jitter', value: 'MS', text: `plus a random 0 to this (default ${CART_SIM.botJitterMs})` },
    { name: 'shop-until', value: 'MS', text: `bots stop tapping at MS; set it to the last heal (default ${CART_SIM.shopUntil})` },
    {
      name: 'settle',
      value: 'MS',
      text: `after the bots stop and the last fault, wait at most this for the replicas to agree (default ${CART_SIM.settle})`,
    },
  ],
  sandbox: [
    { name: 'chatter', value: 'MS', text: 'each bot sends a text this often (default 100)' },
    { name: 'bot-delay', value: 'MS', text: 'bot reaction (default 10)' },
    { name: 'duration', value: 'MS', text: 'virtual time per trial (default 5000)' },
  ],
};

export const EXAMPLES = [
  'npm run simulate -- --game election --nodes 5 --trials 500 --timeout 150-300 --latency 5-10 --seed 1 --json',
  'npm run simulate -- --game election --nodes 5 --trials 100 --partition 3,2@2000 --heal @6000 --json',
  'npm run simulate -- --game election --nodes 5 --trials 1000 --timeout 150-200 --heartbeat 75 --latency 7-8 --bot-delay 0 --crash leader@1000 --until-new-leader --json',
  'npm run simulate -- --game gossip --nodes 1024 --fanout 2 --mode push --trials 300 --seed 1 --json',
  'npm run simulate -- --game byzantine --nodes 4 --traitors 1 --m 1 --strategy split --trials 500 --seed 1 --json',
  'npm run simulate -- --game cart --mode lww --nodes 5 --trials 100 --partition 2,3@2000 --heal @12000 --shop-until 12000 --latency 20-80 --json',
  'npm run simulate -- --game sandbox --nodes 6 --trials 3 --drill my-drill.json --json',
];

function section(title: string, flags: readonly FlagDoc[]): string[] {
  const left = (f: FlagDoc) => `  --${f.name}${f.value ? ` ${f.value}` : ''}`;
  const width = Math.max(...flags.map((f) => left(f).length)) + 2;
  return [title, ...flags.map((f) => `${left(f).padEnd(width)}${f.text}`)];
}

export function simulateUsage(): string {
  return [
    'Usage: npm run simulate -- --game NAME [flags]',
    '',
    'Plays a game with bots on virtual time, through the same engines, session core and network',
    'model as a live room, and prints the results.',
    '',
    ...section('Flags:', COMMON_FLAGS),
    '',
    ...section('Network faults (each trial starts with them; times are ms of virtual time):', FAULT_FLAGS),
    ...Object.entries(GAME_FLAGS).flatMap(([game, flags]) => ['', ...section(`--game ${game}:`, flags)]),
    '',
    'Examples:',
    ...EXAMPLES.map((e) => `  ${e}`),
    '',
  ].join('\n');
}

/** The flags on the command line that the chosen game (or, without a known game, every game) does not take. */
export function unknownFlags(argv: readonly string[]): string[] {
  const gi = argv.findIndex((a) => a === '--game' || a.startsWith('--game='));
  const word = argv[gi] ?? '';
  const game = word.startsWith('--game=') ? word.slice('--game='.length) : gi >= 0 ? argv[gi + 1] : undefined;
  const gameFlags = game && GAME_FLAGS[game] ? GAME_FLAGS[game] : Object.values(GAME_FLAGS).flat();
  const known = new Set([...COMMON_FLAGS, ...FAULT_FLAGS, ...gameFlags].map((f) => f.name));
  return argv
    .filter((a) => a.startsWith('--'))
    .map((a) => a.slice(2).split('=')[0] ?? '')
    .filter((name) => !known.has(name));
}

export const wantsHelp = (argv: readonly string[]) => argv.includes('--help') || argv.includes('-h');
