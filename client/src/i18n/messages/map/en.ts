// The map area's messages (English, the source). See ../../README.md.
export default {
  // The network map (drawn on a canvas) and its legend
  'map.group': 'Group {group} · {count, plural, one {# node} other {# nodes}}',
  'map.link.both': '{a} ↔ {b}',
  'map.link.oneWay': '{a} → {b} only',
  'map.loss': '{rate, number, percent} loss',
  'map.copy': '(copy)',
  'map.drop.partition': 'partition',
  'map.drop.loss': 'lost',
  'map.drop.crashed': 'crashed',
  'map.tag.crashed': 'crashed',
  'map.tag.offline': 'offline',
  'map.tag.bot': 'bot',
  'map.legend.label': 'Map legend',
  'map.legend.message': 'message',
  'map.legend.duplicate': 'duplicate',
  'map.legend.overtook': 'overtook',
  'map.legend.offline': 'offline phone',
} as const;
