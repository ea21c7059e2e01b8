// What Lamport, Shostak and Pease ("The Byzantine Generals Problem", ACM TOPLAS 4(3), 1982)
// prove about the two algorithms this game plays, under exactly their conditions ([B9]).
// Outside these conditions nothing is promised: the round may still agree, by luck.
//
// N generals (the commander included), f traitors (the commander included when it is one).
// - OM(m), oral messages. Theorem 1: IC1 and IC2 hold with more than 3m generals and at most
//   m traitors. Lemma 1: IC2 holds with more than 2k + m generals and at most k traitors. The
//   proof of Theorem 1 (induction on m, Lemma 1 for a loyal commander; a traitor commander
//   leaves f − 1 ≤ m − 1 traitors among N − 1 > 2(f − 1) + (m − 1) lieutenants) gives IC1 and
//   IC2 whenever f ≤ m and N > 2f + m; with f = m that is Theorem 1's N > 3m.
// - SM(m), signed messages. Theorem 2: IC1 and IC2 hold with at most m traitors, for any
//   number of generals; the algorithm needs m + 2 generals to have anyone to relay to.
// - Beside them, for the lesson: with oral messages no algorithm at all copes with f traitors
//   among 3f or fewer generals (section 3), so N ≥ 3f + 1 is necessary. It is not sufficient
//   for OM(m): f ≤ m and N > 2f + m are what OM(m) needs.

export const OM_RULE = 'N > 2f + m, f ≤ m';
export const SM_RULE = 'N ≥ m + 2, f ≤ m';
export const OM_SOURCE = 'Lamport, Shostak & Pease 1982, Theorem 1 and Lemma 1';
export const SM_SOURCE = 'Lamport, Shostak & Pease 1982, Theorem 2';

export interface Bound {
  n: number;
  f: number;
  m: number;
  signed: boolean;
  /** "OM(2)", "SM(1)". */
  algorithm: string;
  /** The condition under which the paper proves IC1 and IC2 for the algorithm played. */
  rule: typeof OM_RULE | typeof SM_RULE;
  source: typeof OM_SOURCE | typeof SM_SOURCE;
  /** f ≤ m. */
  traitorsWithinM: boolean;
  /** OM(m): N > 2f + m. SM(m): N ≥ m + 2. */
  enoughGenerals: boolean;
  /** The least N the rule allows for this f and m (OM: 2f + m + 1; SM: m + 2). */
  minGenerals: number;
  /** N ≥ 3f + 1: necessary for any oral-messages algorithm (section 3); shown beside the rule. */
  threeF: boolean;
  /** The paper promises IC1 and IC2 here (on a reliable network: [B6]). The client words it. */
  guaranteed: boolean;
}

export function lspBound(n: number, f: number, m: number, signed: boolean): Bound {
  const algorithm = `${signed ? 'SM' : 'OM'}(${m})`;
  const traitorsWithinM = f <= m;
  const minGenerals = signed ? m + 2 : 2 * f + m + 1;
  const enoughGenerals = n >= minGenerals;
  const guaranteed = traitorsWithinM && enoughGenerals;
  return {
    n,
    f,
    m,
    signed,
    algorithm,
    rule: signed ? SM_RULE : OM_RULE,
    source: signed ? SM_SOURCE : OM_SOURCE,
    traitorsWithinM,
    enoughGenerals,
    minGenerals,
    threeF: n >= 3 * f + 1,
    guaranteed,
  };
}
