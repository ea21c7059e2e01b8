import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'byzantine.bound.head': '{algorithm}, N = {n, number}, f = {f, number}',
  'byzantine.bound.om.size.ok': '✓ N > 2f+m : {n, number} > {limit, number}',
  'byzantine.bound.om.size.fail': '✗ N > 2f+m : {n, number} ≤ {limit, number}',
  'byzantine.bound.sm.size.ok': '✓ N ≥ m+2 : {n, number} ≥ {limit, number}',
  'byzantine.bound.sm.size.fail': '✗ N ≥ m+2 : {n, number} < {limit, number}',
  'byzantine.bound.traitors.ok': '✓ f ≤ m : {f, number} ≤ {m, number}',
  'byzantine.bound.traitors.fail': '✗ f ≤ m : {f, number} > {m, number}',
  'byzantine.bound.threeF.ok': '✓ N ≥ 3f+1 : {n, number} ≥ {limit, number}',
  'byzantine.bound.threeF.fail': '✗ N ≥ 3f+1 : {n, number} < {limit, number}',
  'byzantine.bound.threeF.why': 'Nécessaire pour tout algorithme à messages oraux (Lamport, Shostak et Pease, section 3)',
  'byzantine.bound.promise.guaranteed': '{algorithm} garantit l’accord (Lamport, Shostak et Pease).',
  'byzantine.bound.promise.guaranteedReliable': '{algorithm} garantit l’accord sur un réseau fiable (Lamport, Shostak et Pease).',
  'byzantine.bound.promise.smSize': '{algorithm} exige au moins m + 2 = {limit, number} généraux.',
  'byzantine.bound.promise.raiseM': '{algorithm} tolère au plus {m, plural, one {# traître} other {# traîtres}} : augmentez m.',
  'byzantine.bound.promise.threeF': 'Trop de traîtres : avec N ≤ 3f, aucun algorithme à messages oraux ne peut garantir l’accord.',
  'byzantine.bound.promise.omSize': '{algorithm} exige plus de 2f + m = {limit, number} généraux : rien n’est garanti (avec m = f, si).',
} as const satisfies Translation<typeof en>;
