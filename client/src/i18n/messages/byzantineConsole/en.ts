// The byzantineConsole area's messages (English, the source). See ../../README.md.
export default {
  // The Byzantine game’s console, settings, result and look
  'byzantine.look.blurb':
    'Lying rounds: a commander orders, lieutenants relay, traitors lie. Do the loyal generals agree? OM(m) promises it when f ≤ m and N > 2f + m.',
  'byzantine.look.value.attack': 'Attack',
  'byzantine.look.value.retreat': 'Retreat',
  'byzantine.look.badge.traitor': 'TRAITOR',
  'byzantine.look.badge.commander': 'commander',
  'byzantine.look.badge.ordered': 'ordered {value}',
  'byzantine.look.badge.mixed': 'mixed orders',
  'byzantine.look.badge.decided': 'decided {value}',
  'byzantine.look.badge.decidedNothing': 'decided nothing',
  'byzantine.look.badge.noOrder': 'no order',
  'byzantine.look.badge.got': 'got {value}',
  'byzantine.look.kind.order': 'order',
  'byzantine.look.kind.relay': 'relay',
  'byzantine.look.carries': '{kind}: {value}',
  'byzantine.look.summary.noOrder': 'no order',
  'byzantine.look.summary.traitorCommander': 'traitor commander',
  'byzantine.look.summary.stopped': 'stopped early',
  'byzantine.look.summary.lost': 'messages lost',
  'byzantine.look.summary.guaranteed': 'guaranteed',
  'byzantine.look.summary.notGuaranteed': 'not guaranteed',
} as const;
