// A socket's copy of the roster, kept from `room:patch`: who joined is added (if not there
// yet), who is gone removed. Applying a patch again, or to a roster newer than the one it was
// made from (a node that joined after it was made holds one), changes nothing more.

import type { Roster, RosterPatch } from './events';

export function applyRosterPatch(roster: Roster, patch: RosterPatch): Roster {
  const gone = new Set(patch.remove);
  const nodes = roster.nodes.filter((n) => !gone.has(n.id));
  const have = new Set(nodes.map((n) => n.id));
  for (const n of patch.add) if (!have.has(n.id) && !gone.has(n.id)) nodes.push(n);
  return { count: nodes.length, nodes };
}
