import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'election.options.preVote': 'Prevoto (pre-vote)',
  'election.options.preVote.help':
    '(tesis 9.6) un nodo pregunta primero si una mayoría votaría por él, y solo entonces sube su mandato: un nodo que vuelve de una partición ya no destituye al líder.',
  'election.options.checkQuorum': 'CheckQuorum',
  'election.options.checkQuorum.help':
    '(tesis 6.2) un líder que no ha sabido de una mayoría durante un plazo de elección dimite: un líder aislado en una minoría deja de creerse líder.',
} as const satisfies Translation<typeof en>;
