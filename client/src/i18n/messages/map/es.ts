import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The network map (drawn on a canvas) and its legend
  'map.group': 'Grupo {group} · {count, plural, one {# nodo} other {# nodos}}',
  'map.link.both': '{a} ↔ {b}',
  'map.link.oneWay': 'solo {a} → {b}',
  'map.loss': '{rate, number, percent} de pérdida',
  'map.copy': '(copia)',
  'map.drop.partition': 'partición',
  'map.drop.loss': 'perdido',
  'map.drop.crashed': 'nodo caído',
  'map.tag.crashed': 'caído',
  'map.tag.offline': 'sin conexión',
  'map.tag.bot': 'bot',
  'map.legend.label': 'Leyenda del mapa',
  'map.legend.message': 'mensaje',
  'map.legend.duplicate': 'duplicado',
  'map.legend.overtook': 'adelantó',
  'map.legend.offline': 'teléfono sin conexión',
} as const satisfies Translation<typeof en>;
