import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The sandbox’s console, result and look
  'sandbox.look.blurb': 'Calentamiento: enviad mensajes a quien queráis y ved cómo se pierden.',
  'sandbox.look.kind.text': 'texto',
  'sandbox.look.summary': '{delivered, number} de {sent, plural, one {# mensaje entregado} other {# mensajes entregados}}',
  'sandbox.console.intro': 'Cada uno puede escribir a quien elija. Corta la red, añade pérdidas y mira qué llega.',
  'sandbox.console.node': 'Nodo',
  'sandbox.console.sent': 'Enviados',
  'sandbox.console.received': 'Recibidos',
  'sandbox.result.nodes': 'Nodos',
  'sandbox.result.delivered': 'Entregados',
  'sandbox.result.duplicated': 'Duplicados',
  'sandbox.result.dropped': 'Perdidos',
  'sandbox.result.droppedHow': '{partition, number} por partición · {loss, number} perdidos · {crashed, number} desde/hacia caídos',
} as const satisfies Translation<typeof en>;
