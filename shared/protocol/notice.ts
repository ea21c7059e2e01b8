// Words belong to the reader. The core (engines, the session, the network model) says what
// happened as a code and its parameters; the client turns that into a sentence in the reader's
// language, calling every node by its nickname. Recordings keep notices as data, so a session
// recorded in one language replays in another.
//
// Codes are dotted and namespaced by who issues them: `election.mark.leader`,
// `byzantine.reject.not-your-turn`, `net.fault.split`. The client's catalogue has one message
// per code (ICU syntax), whose arguments are the notice's params.

import type { NodeId } from './ids';

/**
 * A parameter: plain values, or nodes, which the client shows by nickname (never by id).
 * Lists of plain values are for things like card names; lists of nodes for "Ana, Ben and Chloe".
 */
export type NoticeParam = string | number | boolean | null | { node: NodeId } | { nodes: readonly NodeId[] } | readonly (string | number)[];

export interface Notice {
  code: string;
  params?: Readonly<Record<string, NoticeParam>>;
}

export function notice(code: string, params?: Notice['params']): Notice {
  return params ? { code, params } : { code };
}

/**
 * A notice as plain text for logs and for students' own programs (the `message` of a refused
 * action): its code and params, nodes by id. Screens never show it: they word the notice.
 */
export function describeNotice(n: Notice): string {
  const params = Object.entries(n.params ?? {}).map(([k, v]) => `${k}=${describeParam(v)}`);
  return params.length ? `${n.code} (${params.join(', ')})` : n.code;
}

function describeParam(v: NoticeParam): string {
  if (v === null || typeof v !== 'object') return String(v);
  if (Array.isArray(v)) return v.join(' ');
  if ('node' in v) return v.node;
  if ('nodes' in v) return v.nodes.join(' ');
  return JSON.stringify(v);
}

/** A node parameter (shown by nickname). */
export const nodeParam = (node: NodeId): { node: NodeId } => ({ node });
export const nodesParam = (nodes: readonly NodeId[]): { nodes: readonly NodeId[] } => ({ nodes });
