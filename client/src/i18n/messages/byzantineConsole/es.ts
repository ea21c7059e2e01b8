import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  // The Byzantine game’s console, settings, result and look
  'byzantine.look.blurb':
    'Rondas con mentiras: un comandante ordena, los tenientes retransmiten, los traidores mienten. ¿Se ponen de acuerdo los generales leales? N ≥ 3f+1.',
  'byzantine.look.value.attack': 'Atacar',
  'byzantine.look.value.retreat': 'Retirarse',
  'byzantine.look.badge.traitor': 'TRAIDOR',
  'byzantine.look.badge.commander': 'comandante',
  'byzantine.look.badge.ordered': 'ordenó {value}',
  'byzantine.look.badge.mixed': 'órdenes distintas',
  'byzantine.look.badge.decided': 'decidió {value}',
  'byzantine.look.badge.decidedNothing': 'no decidió nada',
  'byzantine.look.badge.noOrder': 'sin orden',
  'byzantine.look.badge.got': 'recibió {value}',
  'byzantine.look.kind.order': 'orden',
  'byzantine.look.kind.relay': 'retransmisión',
  'byzantine.look.carries': '{kind}: {value}',
  'byzantine.look.summary.noOrder': 'sin orden',
  'byzantine.look.summary.traitorCommander': 'comandante traidor',
  'byzantine.look.summary.stopped': 'detenida antes de tiempo',
  'byzantine.look.summary.lost': 'mensajes perdidos',
  'byzantine.look.summary.guaranteed': 'garantizado',
  'byzantine.look.summary.notGuaranteed': 'no garantizado',
} as const satisfies Translation<typeof en>;
