// The `simulate` benchmark's baselines: the same models written as plainly as JavaScript allows
// (typed arrays, one loop, no engines, no network model, nothing recorded), so the figures say
// what the simulator's generality costs.

/** mulberry32, inline. */
function generator(seed: number) {
  let s = seed >>> 0;
  const next = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (n: number) => Math.floor(next() * n), between: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)) };
}

/**
 * Push gossip in rounds, as the game plays it: one node knows; in each round every node that
 * knew before the round tells `fanout` distinct others picked uniformly; a node told in a round
 * tells from the next. Until everyone knows (or 200 rounds).
 */
export function plainGossip(nodes: number, fanout: number, seed: number): { rounds: number; messages: number; informed: number } {
  const rng = generator(seed);
  const knows = new Uint8Array(nodes);
  const knowers = new Int32Array(nodes);
  const picked = new Int32Array(fanout);
  knows[0] = 1;
  let count = 1;
  let messages = 0;
  let round = 0;
  while (count < nodes && round < 200) {
    round++;
    const tellers = count;
    for (let i = 0; i < tellers; i++) {
      const me = knowers[i] as number;
      for (let j = 0; j < fanout; j++) {
        let to = rng.int(nodes);
        let again = to === me;
        for (let q = 0; q < j && !again; q++) again = picked[q] === to;
        while (again) {
          to = rng.int(nodes);
          again = to === me;
          for (let q = 0; q < j && !again; q++) again = picked[q] === to;
        }
        picked[j] = to;
        messages++;
        if (!knows[to]) {
          knows[to] = 1;
          knowers[count++] = to;
        }
      }
    }
  }
  return { rounds: round, messages, informed: count };
}

/** A binary heap of (time, insertion order) → event, in parallel arrays. */
class Heap {
  at: number[] = [];
  ord: number[] = [];
  ev: number[][] = [];
  private n = 0;
  private k = 0;
  get size() {
    return this.n;
  }
  private less(i: number, j: number) {
    const a = this.at[i] as number;
    const b = this.at[j] as number;
    return a < b || (a === b && (this.ord[i] as number) < (this.ord[j] as number));
  }
  private swap(i: number, j: number) {
    [this.at[i], this.at[j]] = [this.at[j] as number, this.at[i] as number];
    [this.ord[i], this.ord[j]] = [this.ord[j] as number, this.ord[i] as number];
    [this.ev[i], this.ev[j]] = [this.ev[j] as number[], this.ev[i] as number[]];
  }
  push(at: number, ev: number[]) {
    let i = this.n++;
    this.at[i] = at;
    this.ord[i] = this.k++;
    this.ev[i] = ev;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(i, p)) break;
      this.swap(i, p);
      i = p;
    }
  }
  top() {
    return this.at[0] as number;
  }
  pop(): number[] {
    const out = this.ev[0] as number[];
    this.n--;
    this.swap(0, this.n);
    let i = 0;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.n && this.less(l, m)) m = l;
      if (r < this.n && this.less(r, m)) m = r;
      if (m === i) break;
      this.swap(i, m);
      i = m;
    }
    return out;
  }
}

const TIMEOUT = 0;
const STAND = 1;
const VOTE_REQUEST = 2;
const GRANT = 3;
const VOTE = 4;
const HEARTBEAT = 5;
const APPEND = 6;
const REPLY = 7;
const ARRIVE = 8;

/**
 * Raft's leader election among 5 nodes with the game's fast pace (election timeout 150–300
 * ms, heartbeats every 40–60 ms, a bot reacting after 1–5 ms, no latency), each trial 10 s
 * of virtual time as the simulator plays it: timeouts, RequestVote to all, one vote per term,
 * a majority of 3 makes a leader, whose heartbeats (answered) hold the others' timers off.
 * With `processing` (the game's rule [E18], on at the fast pace): each message a node receives
 * waits in its queue and takes effect 0–1 ms after it arrived or after the previous one was
 * handled, and each election or heartbeat timer fires 0–1 ms after its nominal time — the
 * same model the simulator plays. Without it, everything takes effect at once.
 */
export function plainElection(trials: number, seed: number, processing = true): { trials: number; messages: number; noLeader: number } {
  const rng = generator(seed);
  const N = 5;
  let messages = 0;
  let noLeader = 0;
  for (let trial = 0; trial < trials; trial++) {
    const heap = new Heap();
    const term = new Int32Array(N);
    const voted = new Int32Array(N).fill(-1);
    const role = new Uint8Array(N);
    const votes = new Int32Array(N);
    const deadline = new Float64Array(N);
    /** When each node has handled the last message in its queue [E18]. */
    const busy = new Float64Array(N);
    let led = false;
    /** A processing time, to a microsecond: 0 to 1 ms, or none. */
    const work = processing ? () => rng.int(1001) / 1000 : () => 0;
    const arm = (i: number, now: number) => {
      deadline[i] = now + rng.between(150, 300) + work();
      heap.push(deadline[i] as number, [TIMEOUT, i]);
    };
    /** A message reaches node `to` now; it takes effect once the node has handled it. */
    const receive = (now: number, type: number, to: number, a = 0, b = 0, c = 0) => {
      if (!processing) return heap.push(now, [type, to, a, b, c]);
      heap.push(now, [ARRIVE, to, type, a, b, c]);
    };
    for (let i = 0; i < N; i++) arm(i, 0);
    while (heap.size && heap.top() <= 10_000) {
      const now = heap.top();
      const [type, i, a = 0, b = 0, c = 0, d = 0] = heap.pop() as [number, number, number?, number?, number?, number?];
      switch (type) {
        case TIMEOUT:
          if (deadline[i] === now && role[i] !== 2) heap.push(now + rng.between(1, 5), [STAND, i]);
          break;
        case STAND:
          if (role[i] === 2) break;
          term[i] = (term[i] as number) + 1;
          role[i] = 1;
          voted[i] = i;
          votes[i] = 1;
          arm(i, now);
          for (let j = 0; j < N; j++) {
            if (j === i) continue;
            messages++;
            receive(now, VOTE_REQUEST, j, i, term[i] as number);
          }
          break;
        case VOTE_REQUEST:
          // [VOTE_REQUEST, voter, candidate, term]: a higher term makes the voter a follower of it.
          if (b > (term[i] as number)) {
            term[i] = b;
            role[i] = 0;
            voted[i] = -1;
          }
          heap.push(now + rng.between(1, 5), [GRANT, i, a, b]);
          break;
        case GRANT: {
          // [GRANT, voter, candidate, term]
          const granted = b === term[i] && (voted[i] === -1 || voted[i] === a);
          if (granted) {
            voted[i] = a;
            arm(i, now);
          }
          messages++;
          receive(now, VOTE, a, i, b, granted ? 1 : 0);
          break;
        }
        case VOTE:
          if (role[i] === 1 && b === term[i] && c === 1) {
            votes[i] = (votes[i] as number) + 1;
            if (votes[i] === 3) {
              role[i] = 2;
              led = true;
              heap.push(now, [HEARTBEAT, i]);
            }
          }
          break;
        case HEARTBEAT:
          if (role[i] !== 2) break;
          for (let j = 0; j < N; j++) {
            if (j === i) continue;
            messages++;
            receive(now, APPEND, j, i, term[i] as number);
          }
          heap.push(now + rng.between(40, 60) + work(), [HEARTBEAT, i]);
          break;
        case APPEND:
          if (b >= (term[i] as number)) {
            term[i] = b;
            if (role[i] !== 0) role[i] = 0;
            arm(i, now);
          }
          messages++;
          receive(now, REPLY, a);
          break;
        case ARRIVE: {
          // [ARRIVE, node, type, a, b, c]: handled after the node's earlier messages, one processing time later.
          const at = Math.max(now, busy[i] as number) + work();
          busy[i] = at;
          heap.push(at, [a, i, b, c, d]);
          break;
        }
        default:
          break;
      }
    }
    if (!led) noLeader++;
  }
  return { trials, messages, noLeader };
}
