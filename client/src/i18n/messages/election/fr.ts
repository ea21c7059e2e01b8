import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'election.options.preVote': 'Pré-vote',
  'election.options.preVote.help':
    '(thèse 9.6) un nœud demande d’abord si une majorité voterait pour lui, et n’augmente son mandat que si c’est le cas : un nœud qui revient d’une partition ne renverse plus le leader.',
  'election.options.checkQuorum': 'CheckQuorum',
  'election.options.checkQuorum.help':
    '(thèse 6.2) un leader qui n’a pas eu de nouvelles d’une majorité pendant un délai d’élection se retire : un leader isolé dans une minorité cesse de se croire leader.',
} as const satisfies Translation<typeof en>;
