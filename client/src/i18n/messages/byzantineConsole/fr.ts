import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The Byzantine game’s console, settings, result and look
  'byzantine.look.blurb':
    'Des manches où l’on ment : un commandant ordonne, les lieutenants relaient, les traîtres mentent. Les généraux loyaux s’accordent-ils ? N ≥ 3f+1.',
  'byzantine.look.value.attack': 'Attaquer',
  'byzantine.look.value.retreat': 'Battre en retraite',
  'byzantine.look.badge.traitor': 'TRAÎTRE',
  'byzantine.look.badge.commander': 'commandant',
  'byzantine.look.badge.ordered': 'a ordonné {value}',
  'byzantine.look.badge.mixed': 'ordres contradictoires',
  'byzantine.look.badge.decided': 'a décidé {value}',
  'byzantine.look.badge.decidedNothing': 'n’a rien décidé',
  'byzantine.look.badge.noOrder': 'pas d’ordre',
  'byzantine.look.badge.got': 'a reçu {value}',
  'byzantine.look.kind.order': 'ordre',
  'byzantine.look.kind.relay': 'relais',
  'byzantine.look.carries': '{kind} : {value}',
  'byzantine.look.summary.noOrder': 'pas d’ordre',
  'byzantine.look.summary.traitorCommander': 'commandant traître',
  'byzantine.look.summary.stopped': 'arrêtée avant la fin',
  'byzantine.look.summary.lost': 'messages perdus',
  'byzantine.look.summary.guaranteed': 'garanti',
  'byzantine.look.summary.notGuaranteed': 'non garanti',
} as const satisfies Translation<typeof en>;
