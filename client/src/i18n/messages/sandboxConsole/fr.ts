import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The sandbox’s console, result and look
  'sandbox.look.blurb': 'Échauffement : envoyez des messages à qui vous voulez et regardez-les se perdre.',
  'sandbox.look.kind.text': 'texte',
  'sandbox.look.summary': '{delivered, number} {sent, plural, one {message remis sur #} other {messages remis sur #}}',
  'sandbox.console.intro': 'Chacun peut écrire à qui il veut. Coupez le réseau, ajoutez des pertes et regardez ce qui arrive.',
  'sandbox.console.node': 'Nœud',
  'sandbox.console.sent': 'Envoyés',
  'sandbox.console.received': 'Reçus',
  'sandbox.result.nodes': 'Nœuds',
  'sandbox.result.delivered': 'Remis',
  'sandbox.result.duplicated': 'Dupliqués',
  'sandbox.result.dropped': 'Perdus',
  'sandbox.result.droppedHow':
    '{partition, number} par partition · {loss, number} perdus · {crashed, number} depuis/vers des nœuds en panne',
} as const satisfies Translation<typeof en>;
