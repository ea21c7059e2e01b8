import type { Translation } from '../../catalogueTypes';
import type en from './en';

// Actions a game refused, worded on the client: "error.<game>." + code (words.ts). Fetched with
// the games' phone screens (the rest part), before any round can refuse one.
export default {
  'error.not_playing': 'Entraste después de que empezara esta ronda: espera a la siguiente.',
  'error.election.no_request': 'No hay ninguna petición de voto de {node} que responder.',
  'error.election.already_leader': 'Ya eres el líder del mandato {term, number}.',
  'error.election.timer_running': 'Tu temporizador de elección sigue corriendo: solo puedes presentarte cuando se haya agotado.',
  'error.election.stale_request':
    '{node} pidió tu voto en el mandato {asked, number}, pero ahora estás en el mandato {term, number}: esa petición está caducada.',
  'error.election.already_voted':
    '{self, select, yes {Te votaste a ti mismo en el mandato {term, number} al presentarte: un voto por mandato.} other {Ya votaste por {node} en el mandato {term, number}: un voto por mandato.}}',
  'error.election.log_behind':
    'El registro de {node} va por detrás del tuyo (acaba en la entrada {theirIndex, number} del mandato {theirTerm, number}; el tuyo en la entrada {myIndex, number} del mandato {myTerm, number}): Raft solo elige a un candidato cuyo registro esté al menos tan al día como el tuyo.',
  'error.election.not_leader':
    'Solo el líder puede proponer el restaurante; tú eres {role, select, candidate {candidato} other {seguidor}} en el mandato {term, number}.',
  'error.election.proposal_pending': 'Tu propuesta «{value}» aún no está confirmada: espera a que una mayoría la guarde.',
  'error.election.log_full': 'El registro está lleno ({max, number} entradas): no hay más propuestas en esta ronda.',
  'error.gossip.game_over': 'El juego del rumor ha terminado: espera a la siguiente ronda.',
  'error.gossip.nothing_to_do': 'Conoces el rumor. En el chisme pull esperas a que te pregunten: el servidor responde por ti.',
  'error.gossip.too_soon': 'Te enteraste del rumor en la ronda {learned, number}: puedes pasarlo a partir de la ronda {next, number}.',
  'error.gossip.not_known':
    '{mode, select, push {Aún no conoces el rumor: espera a que alguien te lo cuente.} other {Aún no conoces el rumor, así que no hay nada que contar: pregunta a alguien.}}',
  'error.gossip.wrong_mode':
    '{mode, select, pull {Este chisme es pull: nadie cuenta sin que le pregunten; los nodos que no saben preguntan.} other {En este chisme nadie pregunta: los nodos cuentan.}}',
  'error.gossip.already_known': 'Ya conoces el rumor: no hay nada que preguntar.',
  'error.gossip.no_picks_left':
    'Ya elegiste {count, plural, one {# nodo} other {# nodos}} en la ronda {round, number} ({nodes}): espera a la ronda {next, number}.',
  'error.gossip.no_one_left': 'No queda nadie a quien elegir en esta ronda.',
  'error.gossip.bad_target':
    '{why, select, self {No puedes {verb, select, ask {preguntarte} other {contártelo}} a ti mismo: elige a otra persona.} other {No hay ningún nodo {id} en esta ronda.}}',
  'error.gossip.repeated_target':
    '{why, select, twice {Elegiste a {node} dos veces: elige a cada nodo una sola vez.} other {Ya {verb, select, ask {preguntaste a} other {se lo contaste a}} {node} en la ronda {round, number}.}}',
  'error.gossip.too_many':
    'Puedes elegir {left, plural, one {# nodo más} other {# nodos más}} en la ronda {round, number}, no {want, number}.',
  'error.byzantine.bad_recipient':
    '{why, select, self {No puedes enviarte un mensaje a ti mismo.} other {{id} no es destinatario de este mensaje.}}',
  'error.byzantine.already_sent': 'Ya le dijiste a {node}: {value, select, attack {Ataque} other {Retirada}}.',
  'error.byzantine.not_general': 'Observas esta ronda: ya tiene {count, number} generales. Jugarás en otra más adelante.',
  'error.byzantine.round_over': 'Los generales han decidido: esta ronda ha terminado.',
  'error.byzantine.not_commander': 'Solo el comandante da órdenes, y en esta ronda manda {node}. Espera tu orden.',
  'error.byzantine.phase_over':
    '{level, select, 1 {La fase de órdenes ha terminado: tus órdenes ya han salido.} other {La fase de retransmisión de nivel {level} ha terminado.}}',
  'error.byzantine.already_ordered': 'Ya has dado una orden a cada teniente.',
  'error.byzantine.loyal':
    '{commander, select, yes {Eres leal: da a todos los tenientes la misma orden, Ataque o Retirada.} other {Eres leal: transmites exactamente lo que te dijeron.}}',
  'error.byzantine.honest':
    '{signed, select, yes {Eres leal: transmites exactamente los valores firmados que aceptaste, a cada teniente que aún no está entre sus firmas.} other {Eres leal: transmites exactamente lo que te dijeron, {value, select, attack {Ataque} other {Retirada}}, a todos los tenientes.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {Como comandante envías órdenes, no retransmisiones: omite el camino y el nivel.} signed {En una ronda firmada se retransmite con una retransmisión por nivel, no con send.} other {No hay ningún mensaje {path} que debas retransmitir en OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {En una ronda de mensajes orales, una retransmisión nombra el mensaje por su camino, no por un nivel.} other {Las retransmisiones de esta ronda tienen niveles del 2 al {max, number}.}}',
  'error.byzantine.no_order_yet': 'Espera la orden del comandante (o el final de la fase de órdenes) antes de retransmitir.',
  'error.byzantine.not_held': 'Aún no has recibido el mensaje {path}.',
  'error.byzantine.not_lieutenant': 'El comandante no decide: deciden los tenientes.',
  'error.byzantine.traitor': 'Los traidores no deciden: solo se juzgan las decisiones de los tenientes leales.',
  'error.byzantine.too_early': 'Espera a la fase de decisión: aún están llegando retransmisiones.',
  'error.byzantine.already_decided': 'Ya has decidido: {value, select, attack {Ataque} other {Retirada}}.',
  'error.byzantine.not_yet':
    'Las retransmisiones de nivel {level} empiezan cuando termina la fase anterior: antes tiene que haber llegado todo lo que transmites.',
  'error.byzantine.already_relayed': 'Ya transmitiste tus mensajes de nivel {level}.',
  'error.byzantine.one_each': 'A {node} solo puedes decirle un valor en este nivel.',
  'error.sandbox.bad_recipient':
    '{why, select, self {No puedes enviarte un mensaje a ti mismo.} twice {Cada destinatario solo puede aparecer una vez.} other {No hay ningún nodo {id} en esta ronda.}}',
} as const satisfies Translation<typeof en>;
