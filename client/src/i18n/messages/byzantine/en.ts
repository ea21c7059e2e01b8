// The byzantine area's messages (English, the source). Keys start with "byzantine.". See ../../README.md.
export default {
  // The bound as Lamport, Shostak and Pease (1982) prove it (shared/games/byzantine/bound.ts).
  'byzantine.bound.head': '{algorithm}, N = {n, number}, f = {f, number}',
  'byzantine.bound.om.size.ok': '✓ N > 2f+m: {n, number} > {limit, number}',
  'byzantine.bound.om.size.fail': '✗ N > 2f+m: {n, number} ≤ {limit, number}',
  'byzantine.bound.sm.size.ok': '✓ N ≥ m+2: {n, number} ≥ {limit, number}',
  'byzantine.bound.sm.size.fail': '✗ N ≥ m+2: {n, number} < {limit, number}',
  'byzantine.bound.traitors.ok': '✓ f ≤ m: {f, number} ≤ {m, number}',
  'byzantine.bound.traitors.fail': '✗ f ≤ m: {f, number} > {m, number}',
  'byzantine.bound.threeF.ok': '✓ N ≥ 3f+1: {n, number} ≥ {limit, number}',
  'byzantine.bound.threeF.fail': '✗ N ≥ 3f+1: {n, number} < {limit, number}',
  'byzantine.bound.threeF.why': 'Necessary for any oral-messages algorithm (Lamport, Shostak & Pease, section 3)',
  'byzantine.bound.promise.guaranteed': '{algorithm} guarantees agreement (Lamport, Shostak & Pease).',
  'byzantine.bound.promise.guaranteedReliable': '{algorithm} guarantees agreement on a reliable network (Lamport, Shostak & Pease).',
  'byzantine.bound.promise.smSize': '{algorithm} needs at least m + 2 = {limit, number} generals.',
  'byzantine.bound.promise.raiseM': '{algorithm} copes with at most {m, plural, one {# traitor} other {# traitors}}: raise m.',
  'byzantine.bound.promise.threeF': 'Too many traitors: with N ≤ 3f no oral-messages algorithm can promise agreement.',
  'byzantine.bound.promise.omSize': '{algorithm} needs more than 2f + m = {limit, number} generals: nothing is promised (m = f would be).',
} as const;
