import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'byzantine.bound.head': '{algorithm}, N = {n, number}, f = {f, number}',
  'byzantine.bound.om.size.ok': '✓ N > 2f+m: {n, number} > {limit, number}',
  'byzantine.bound.om.size.fail': '✗ N > 2f+m: {n, number} ≤ {limit, number}',
  'byzantine.bound.sm.size.ok': '✓ N ≥ m+2: {n, number} ≥ {limit, number}',
  'byzantine.bound.sm.size.fail': '✗ N ≥ m+2: {n, number} < {limit, number}',
  'byzantine.bound.traitors.ok': '✓ f ≤ m: {f, number} ≤ {m, number}',
  'byzantine.bound.traitors.fail': '✗ f ≤ m: {f, number} > {m, number}',
  'byzantine.bound.threeF.ok': '✓ N ≥ 3f+1: {n, number} ≥ {limit, number}',
  'byzantine.bound.threeF.fail': '✗ N ≥ 3f+1: {n, number} < {limit, number}',
  'byzantine.bound.threeF.why': 'Necesario para cualquier algoritmo de mensajes orales (Lamport, Shostak y Pease, sección 3)',
  'byzantine.bound.promise.guaranteed': '{algorithm} garantiza el acuerdo (Lamport, Shostak y Pease).',
  'byzantine.bound.promise.guaranteedReliable': '{algorithm} garantiza el acuerdo en una red fiable (Lamport, Shostak y Pease).',
  'byzantine.bound.promise.smSize': '{algorithm} necesita al menos m + 2 = {limit, number} generales.',
  'byzantine.bound.promise.raiseM': '{algorithm} tolera como mucho {m, plural, one {# traidor} other {# traidores}}: aumenta m.',
  'byzantine.bound.promise.threeF': 'Demasiados traidores: con N ≤ 3f ningún algoritmo de mensajes orales puede garantizar el acuerdo.',
  'byzantine.bound.promise.omSize': '{algorithm} necesita más de 2f + m = {limit, number} generales: no se garantiza nada (con m = f, sí).',
} as const satisfies Translation<typeof en>;
