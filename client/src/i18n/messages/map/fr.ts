import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The network map (drawn on a canvas) and its legend
  'map.group': 'Groupe {group} · {count, plural, one {# nœud} other {# nœuds}}',
  'map.link.both': '{a} ↔ {b}',
  'map.link.oneWay': '{a} → {b} seulement',
  'map.loss': '{rate, number, percent} de perte',
  'map.copy': '(copie)',
  'map.drop.partition': 'partition',
  'map.drop.loss': 'perdu',
  'map.drop.crashed': 'nœud en panne',
  'map.tag.crashed': 'en panne',
  'map.tag.offline': 'hors ligne',
  'map.tag.bot': 'robot',
  'map.legend.label': 'Légende de la carte',
  'map.legend.message': 'message',
  'map.legend.duplicate': 'doublon',
  'map.legend.overtook': 'a doublé',
  'map.legend.offline': 'téléphone hors ligne',
} as const satisfies Translation<typeof en>;
