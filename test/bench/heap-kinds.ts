// What a server's heap holds, by kind: reads V8 heap snapshots (`npm run bench -- rooms
// --heap-snapshot DIR` writes two of the product and two of the bare relay, each after a full
// collection before the load and at its end) and prints, per node of the load, the bytes of
// each kind the heap grew by, the product's beside the relay's. Two views:
//   - self size by constructor (as the DevTools summary groups it: "(string)", "(array)"…);
//   - retained size under the objects the product's own classes hold, by property path
//     (dominator tree: what would be freed if that property let go), e.g.
//     `RoomScreens.views`, `SessionCore.state.round.engineState.inbox`.
//   npx tsx test/bench/heap-kinds.ts DIR/product DIR/relay --nodes 600

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[]]; edge_fields: string[]; edge_types: [string[]] }; node_count: number };
  nodes: number[];
  edges: number[];
  strings: string[];
}

export interface Heap {
  count: number;
  type: Uint8Array;
  name: Uint32Array;
  self: Float64Array;
  firstEdge: Uint32Array;
  edgeType: Uint8Array;
  edgeName: Uint32Array;
  edgeTo: Uint32Array;
  strings: string[];
  nodeTypes: string[];
  edgeTypes: string[];
}

export function readHeap(file: string): Heap {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Snapshot;
  const { meta } = raw.snapshot;
  const nf = meta.node_fields.length;
  const ef = meta.edge_fields.length;
  const count = raw.nodes.length / nf;
  const iType = meta.node_fields.indexOf('type');
  const iName = meta.node_fields.indexOf('name');
  const iSelf = meta.node_fields.indexOf('self_size');
  const iEdges = meta.node_fields.indexOf('edge_count');
  const type = new Uint8Array(count);
  const name = new Uint32Array(count);
  const self = new Float64Array(count);
  const firstEdge = new Uint32Array(count + 1);
  let e = 0;
  for (let i = 0; i < count; i++) {
    type[i] = raw.nodes[i * nf + iType]!;
    name[i] = raw.nodes[i * nf + iName]!;
    self[i] = raw.nodes[i * nf + iSelf]!;
    firstEdge[i] = e;
    e += raw.nodes[i * nf + iEdges]!;
  }
  firstEdge[count] = e;
  const edgeCount = raw.edges.length / ef;
  const eType = meta.edge_fields.indexOf('type');
  const eName = meta.edge_fields.indexOf('name_or_index');
  const eTo = meta.edge_fields.indexOf('to_node');
  const edgeType = new Uint8Array(edgeCount);
  const edgeName = new Uint32Array(edgeCount);
  const edgeTo = new Uint32Array(edgeCount);
  for (let k = 0; k < edgeCount; k++) {
    edgeType[k] = raw.edges[k * ef + eType]!;
    edgeName[k] = raw.edges[k * ef + eName]!;
    edgeTo[k] = raw.edges[k * ef + eTo]! / nf;
  }
  return {
    count,
    type,
    name,
    self,
    firstEdge,
    edgeType,
    edgeName,
    edgeTo,
    strings: raw.strings,
    nodeTypes: meta.node_types[0],
    edgeTypes: meta.edge_types[0],
  };
}

/** The DevTools summary's grouping: an object's constructor, or the kind of a non-object. */
export function kindOf(h: Heap, i: number): string {
  const t = h.nodeTypes[h.type[i]!]!;
  if (t === 'object' || t === 'closure' || t === 'regexp') return t === 'closure' ? '(closure)' : (h.strings[h.name[i]!] ?? '?');
  if (t === 'string' || t === 'concatenated string' || t === 'sliced string') return '(string)';
  if (t === 'hidden' || t === 'code' || t === 'array' || t === 'number' || t === 'bigint' || t === 'symbol') return `(${t})`;
  return `(${t}) ${h.strings[h.name[i]!] ?? ''}`.trim();
}

export function selfByKind(h: Heap): Map<string, number> {
  const out = new Map<string, number>();
  for (let i = 0; i < h.count; i++) {
    const k = kindOf(h, i);
    out.set(k, (out.get(k) ?? 0) + h.self[i]!);
  }
  return out;
}

/**
 * Immediate dominators (Cooper, Harvey & Kennedy), from node 0, ignoring weak edges and the
 * tables of WeakMaps and WeakSets: a value there lives only as long as its key, and counting
 * the module-level table as its owner would make everything it reaches look owned by nobody.
 */
export function dominators(h: Heap): { idom: Int32Array; post: number[] } {
  const weakType = h.edgeTypes.indexOf('weak');
  const n = h.count;
  const ephemeral = new Uint8Array(n);
  for (let v = 0; v < n; v++) {
    const k = kindOf(h, v);
    if (k !== 'WeakMap' && k !== 'WeakSet') continue;
    for (let e = h.firstEdge[v]!; e < h.firstEdge[v + 1]!; e++) if (h.strings[h.edgeName[e]!] === 'table') ephemeral[h.edgeTo[e]!] = 1;
  }
  const weakEdge = new Uint8Array(h.edgeType.length);
  for (let v = 0; v < n; v++) {
    for (let e = h.firstEdge[v]!; e < h.firstEdge[v + 1]!; e++) if (ephemeral[v] || h.edgeType[e] === weakType) weakEdge[e] = 1;
  }
  // Post-order by an iterative DFS.
  const order = new Int32Array(n).fill(-1);
  const post: number[] = [];
  const stack: number[] = [0];
  const next = new Uint32Array(n);
  order[0] = -2;
  for (let i = 0; i < n; i++) next[i] = h.firstEdge[i]!;
  while (stack.length) {
    const v = stack[stack.length - 1]!;
    let pushed = false;
    while (next[v]! < h.firstEdge[v + 1]!) {
      const k = next[v]!++;
      if (weakEdge[k]) continue;
      const w = h.edgeTo[k]!;
      if (order[w] !== -1) continue;
      order[w] = -2;
      stack.push(w);
      pushed = true;
      break;
    }
    if (!pushed) {
      stack.pop();
      order[v] = post.length;
      post.push(v);
    }
  }
  // Predecessors of reachable nodes.
  const predCount = new Uint32Array(n + 1);
  for (let v = 0; v < n; v++) {
    if (order[v]! < 0) continue;
    for (let k = h.firstEdge[v]!; k < h.firstEdge[v + 1]!; k++) if (!weakEdge[k]) predCount[h.edgeTo[k]! + 1]!++;
  }
  for (let v = 0; v < n; v++) predCount[v + 1]! += predCount[v]!;
  const preds = new Uint32Array(predCount[n]!);
  const fill = predCount.slice();
  for (let v = 0; v < n; v++) {
    if (order[v]! < 0) continue;
    for (let k = h.firstEdge[v]!; k < h.firstEdge[v + 1]!; k++) if (!weakEdge[k]) preds[fill[h.edgeTo[k]!]!++] = v;
  }
  const idom = new Int32Array(n).fill(-1);
  idom[0] = 0;
  const intersect = (a: number, b: number) => {
    while (a !== b) {
      while (order[a]! < order[b]!) a = idom[a]!;
      while (order[b]! < order[a]!) b = idom[b]!;
    }
    return a;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (let p = post.length - 1; p >= 0; p--) {
      const v = post[p]!;
      if (v === 0) continue;
      let d = -1;
      for (let k = predCount[v]!; k < predCount[v + 1]!; k++) {
        const u = preds[k]!;
        if (order[u]! < 0 || idom[u] === -1) continue;
        d = d === -1 ? u : intersect(u, d);
      }
      if (d !== -1 && idom[v] !== d) {
        idom[v] = d;
        changed = true;
      }
    }
  }
  return { idom, post };
}

/** Retained sizes from the dominator tree: a dominator is a DFS ancestor, so it finishes later. */
export function retained(h: Heap, dom: { idom: Int32Array; post: number[] }): Float64Array {
  const size = Float64Array.from(h.self);
  for (const v of dom.post) if (v !== 0) size[dom.idom[v]!]! += size[v]!;
  return size;
}

/**
 * Retained bytes under the product's own objects, by property path: for each object whose
 * constructor is one of `classes`, the properties it dominates, followed down `depth` levels
 * through plain objects, arrays and Maps.
 */
export function byPath(h: Heap, idom: Int32Array, size: Float64Array, classes: Set<string>, depth = 4): Map<string, number> {
  const out = new Map<string, number>();
  const property = h.edgeTypes.indexOf('property');
  const element = h.edgeTypes.indexOf('element');
  const internal = h.edgeTypes.indexOf('internal');
  const walk = (v: number, path: string, left: number) => {
    for (let k = h.firstEdge[v]!; k < h.firstEdge[v + 1]!; k++) {
      const w = h.edgeTo[k]!;
      if (idom[w] !== v) continue;
      const t = h.edgeType[k];
      const label =
        t === property ? h.strings[h.edgeName[k]!]! : t === element ? '[]' : t === internal ? `(${h.strings[h.edgeName[k]!]})` : null;
      if (label === null || label === '__proto__' || label === 'map') continue;
      const p = `${path}.${label}`;
      out.set(p, (out.get(p) ?? 0) + size[w]!);
      if (left > 1 && !classes.has(kindOf(h, w))) walk(w, p, left - 1);
    }
  };
  for (let v = 0; v < h.count; v++) {
    const k = kindOf(h, v);
    if (!classes.has(k) || idom[v] === -1) continue;
    out.set(k, (out.get(k) ?? 0) + size[v]!);
    walk(v, k, depth);
  }
  return out;
}

/** The shape of an object for a reader: its kind and its first properties. */
function shapeOf(h: Heap, v: number): string {
  const property = h.edgeTypes.indexOf('property');
  const keys: string[] = [];
  for (let e = h.firstEdge[v]!; e < h.firstEdge[v + 1]! && keys.length < 5; e++) {
    const name = h.strings[h.edgeName[e]!]!;
    if (h.edgeType[e] === property && name !== '__proto__') keys.push(name);
  }
  return keys.length ? `${kindOf(h, v)} {${keys.join(', ')}}` : kindOf(h, v);
}

/**
 * What objects of these classes hold that no single property of theirs does (parts two of
 * their properties share, such as items both a game's state and a screen's copy point to),
 * by the shape of what is held: retained size of each node they immediately dominate and do
 * not reach through one property.
 */
export function sharedUnder(h: Heap, idom: Int32Array, size: Float64Array, classes: Set<string>): Map<string, number> {
  const out = new Map<string, number>();
  const owner = new Uint8Array(h.count);
  for (let v = 0; v < h.count; v++) if (classes.has(kindOf(h, v))) owner[v] = 1;
  const direct = new Uint8Array(h.count);
  for (let v = 0; v < h.count; v++) {
    if (!owner[v]) continue;
    for (let e = h.firstEdge[v]!; e < h.firstEdge[v + 1]!; e++) direct[h.edgeTo[e]!] = 1;
  }
  for (let w = 0; w < h.count; w++) {
    const d = idom[w]!;
    if (d < 0 || !owner[d] || direct[w]) continue;
    const k = `${kindOf(h, d)}: ${shapeOf(h, w)}`;
    out.set(k, (out.get(k) ?? 0) + size[w]!);
  }
  return out;
}

const CLASSES = new Set([
  'Room',
  'RoomScreens',
  'RoomRecording',
  'RecordingWriter',
  'SessionCore',
  'RoomRegistry',
  'Connection',
  'Socket',
  'Client',
  'Namespace',
  'Adapter',
  'Server',
  'RateLimiterMemory',
  'MemoryStorage',
  'WebSocket',
  'Receiver',
  'Sender',
]);

/** A folder's two snapshots (before the load, after it), in the order they were written. */
function pair(dir: string): [string, string] {
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.heapsnapshot'))
    .sort()
    .map((f) => path.join(dir, f));
  if (files.length < 2) throw new Error(`${dir}: two heap snapshots expected (before and after the load)`);
  return [files[0]!, files.at(-1)!];
}

function grown(dir: string): { kinds: Map<string, number>; after: Heap } {
  const [b, a] = pair(dir);
  const before = selfByKind(readHeap(b));
  const after = readHeap(a);
  const kinds = selfByKind(after);
  for (const [k, v] of before) kinds.set(k, (kinds.get(k) ?? 0) - v);
  return { kinds, after };
}

function main(): void {
  const args = process.argv.slice(2);
  const at = args.indexOf('--nodes');
  const nodes = at >= 0 ? Number(args[at + 1]) : 1;
  const dirs = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--nodes');
  const [productDir, relayDir] = dirs;
  if (!productDir) throw new Error('usage: heap-kinds DIR/product [DIR/relay] --nodes N');
  const kb = (b: number) => (b / nodes / 1024).toFixed(2).padStart(8);
  const p = grown(productDir);
  const r = relayDir ? grown(relayDir) : null;
  const total = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
  console.log(`heap grown under the load: product ${kb(total(p.kinds))} KB/node, relay ${kb(r ? total(r.kinds) : 0)} KB/node`);
  console.log('\nself size by kind, grown under the load, KB per node: product, relay, product − relay');
  const kinds = [...new Set([...p.kinds.keys(), ...(r?.kinds.keys() ?? [])])]
    .map((k) => [k, p.kinds.get(k) ?? 0, r?.kinds.get(k) ?? 0] as const)
    .sort((a, b) => Math.abs(b[1] - b[2]) - Math.abs(a[1] - a[2]));
  for (const [k, a, b] of kinds.slice(0, 30)) console.log(`${kb(a)}  ${kb(b)}  ${kb(a - b)}  ${k}`);
  const dom = dominators(p.after);
  const size = retained(p.after, dom);
  const paths = [...byPath(p.after, dom.idom, size, CLASSES)]
    .filter(([k, b]) => b / nodes >= 20 && !/\(\d+\)/.test(k))
    .sort((a, b) => b[1] - a[1]);
  console.log('\nproduct after the load: retained under its objects, by property path, KB per node (≥ 0.02):');
  for (const [k, b] of paths.slice(0, 90)) console.log(`${kb(b)}  ${k}`);
  const shared = [...sharedUnder(p.after, dom.idom, size, CLASSES)].filter(([, b]) => b / nodes >= 20).sort((a, b) => b[1] - a[1]);
  console.log('\n  held by two of their properties at once, by shape, KB per node:');
  for (const [k, b] of shared.slice(0, 30)) console.log(`${kb(b)}  ${k}`);
}

if (process.argv[1]?.endsWith('heap-kinds.ts')) main();
