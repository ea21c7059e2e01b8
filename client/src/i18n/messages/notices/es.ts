import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'notice.mark.text': '{text}',

  'notice.election.timer.expired': 'Tu temporizador de elección se agotó sin un latido de ningún líder: puedes presentarte a la elección.',
  'notice.election.timer.expired_candidate':
    'Nadie ganó el mandato {term, number} antes de que se agotara tu temporizador: preséntate de nuevo para empezar el mandato {next, number}.',
  'notice.election.stood':
    'Te presentas a la elección en el mandato {term, number} y te votas a ti mismo: necesitas {majority, number} votos.',
  'notice.election.voted': 'Has votado por {node} en el mandato {term, number}.',
  'notice.election.refused': 'Has rechazado la petición de {node} para el mandato {term, number}.',
  'notice.election.won':
    'Has ganado el mandato {term, number} con {votes, number} de {total, number} votos: eres el líder. Propón el restaurante.',
  'notice.election.crashed': 'Tu nodo se ha caído: no puede hacer nada hasta que el profesor lo reinicie.',
  'notice.election.restarted':
    'Tu nodo se ha reiniciado como seguidor en el mandato {term, number}: tu mandato, tu voto y tu registro han sobrevivido a la caída.',
  'notice.election.stepped_down':
    'Has dejado de ser líder: {node} está en el mandato {term, number}, posterior a tu mandato {old, number}.',
  'notice.election.gave_up': 'Has abandonado tu candidatura: {node} ya está en el mandato {term, number}.',
  'notice.election.moved_up': '{node} está en el mandato {term, number}: has pasado al mandato {term, number}.',
  'notice.election.lost': '{node} ha ganado el mandato {term, number}: vuelves a ser seguidor.',
  'notice.election.requests_closed': '{node} lidera el mandato {term, number}: las peticiones de voto sin responder quedan cerradas.',
  'notice.election.you_proposed':
    'Has propuesto «{value}». Queda confirmado en cuanto {majority, number} de {total, number} nodos lo guarden.',
  'notice.election.committed': '«{value}» está confirmado: una mayoría lo guarda.',
  'notice.election.learned_commit': 'El líder dice que «{value}» está confirmado.',
  'notice.election.pre_vote':
    'Preguntas si otros {others, number} votarían por ti en el mandato {term, number} (prevoto); tu mandato sigue siendo {current, number} hasta que digan que sí.',
  'notice.election.check_quorum':
    'Has dimitido: solo {heard, number} de {total, number} nodos te han respondido últimamente, menos que una mayoría (CheckQuorum).',
  'notice.election.mark.pre_candidate': '{node} pide prevotos para el mandato {term, number}',
  'notice.election.mark.check_quorum': '{node} dimite: ninguna mayoría respondió en un plazo de elección (mandato {term, number})',
  'notice.election.mark.stands': '{node} se presenta al mandato {term, number}',
  'notice.election.mark.leader': '{node} es líder del mandato {term, number}',
  'notice.election.mark.leader_crashed': '{node} se cayó siendo líder del mandato {term, number}',
  'notice.election.mark.stepped_down': '{node} deja de ser líder (lo era del mandato {term, number})',
  'notice.election.mark.proposed': '{node} propone «{value}» (mandato {term, number})',
  'notice.election.mark.committed': '«{value}» confirmado (entrada {index, number}, mandato {term, number})',
  'notice.election.mark.stale':
    '{node} es un líder obsoleto (mandato {term, number}): {reason, select, minority {no puede llegar a una mayoría} other {un mandato posterior ya tiene líder}}',
  'notice.election.violation.leaders': 'Violación de seguridad: {count, number} líderes en el mandato {term, number}: {nodes}',
  'notice.election.violation.missing_commit':
    'Violación de seguridad: {node} lidera el mandato {term, number} sin la entrada confirmada {index, number} («{value}»)',
  'notice.election.violation.overwrite': 'Violación de seguridad: se pidió a {node} sobrescribir su entrada confirmada {index, number}',
  'notice.election.violation.recommitted':
    'Violación de seguridad: la entrada {index, number} se confirmó como «{old}» y otra vez como «{value}» por {node}',
  'notice.election.violation.diverged':
    'Violación de seguridad: {node} tiene «{value}» como entrada confirmada {index, number}, que no es lo que se confirmó',

  'notice.gossip.mark.origin': '{node} empieza conociendo el rumor',
  'notice.gossip.mark.origin_instead': '{node} empieza conociendo el rumor ({chosen} no está en esta ronda)',
  'notice.gossip.mark.highest_dealt': 'A {node} le tocó la carta más alta',
  'notice.gossip.mark.learned':
    '{node} supo {card, select, yes {la carta más alta} other {el rumor}} por {from} en la ronda {round, number}',
  'notice.gossip.mark.stuck':
    'Todos los nodos a los que puede llegar el rumor ya lo saben (ronda {round, number}); {count, plural, one {# nodo vivo no puede} other {# nodos vivos no pueden}} enterarse: {why, select, down {todos los que lo sabían están caídos} other {una partición los aísla}}',
  'notice.gossip.mark.everyone':
    'Todos los nodos vivos {card, select, yes {tienen la carta más alta} other {conocen el rumor}} (el último en la ronda {round, number})',
  'notice.gossip.mark.stalled':
    'El rumor ya no puede llegar a nadie más ({count, plural, one {# nodo vivo nunca se enteró} other {# nodos vivos nunca se enteraron}})',
  'notice.gossip.mark.max-rounds': '{rounds, plural, one {# ronda jugada} other {# rondas jugadas}}',

  'notice.byzantine.mark.phase': 'Fase: {phase, select, orders {órdenes} relays {retransmisiones, nivel {level, number}} other {decisión}}',
  'notice.byzantine.mark.decided':
    '{node} decidió {value, select, attack {Ataque} other {Retirada}}{against, select, yes { contra su mayoría} other {}}',
  'notice.byzantine.verdict':
    '{what, select, none {Ningún teniente leal decidió} agreed {{count, plural, one {El único teniente leal eligió} other {Los # tenientes leales eligieron}} {value, select, attack {Ataque} other {Retirada}}} other {Los tenientes leales se dividieron: {attack, number} Ataque, {retreat, number} Retirada}}, {why, select, traitor {el comandante era un traidor} no_order {el comandante leal no dio ninguna orden} followed {como ordenó el comandante leal} other {pero el comandante leal ordenó {order, select, attack {Ataque} other {Retirada}}}}.',
  'notice.byzantine.note.not_generals': 'No son generales en esta ronda, así que no son traidores: {ids}.',
  'notice.byzantine.note.traitors_kept': '{count, number} tenientes traidores no dejarían ninguno leal: se mantienen {kept, number}.',
  'notice.byzantine.note.commander_traitor': 'El comandante es un traidor, así que hay 1 traidor, no 0.',
  'notice.byzantine.note.traitors_capped':
    'Se pidieron {asked, number} traidores; {generals, number} generales permiten como máximo {max, number} (un teniente sigue siendo leal).',
  'notice.byzantine.note.observers':
    'Juegan {generals, number} generales; {observers, plural, one {# nodo observa} other {# nodos observan}} (como máximo {max, number} generales).',
  'notice.byzantine.note.commander_drawn': '{id} no está en esta ronda: el comandante se ha sorteado.',
  'notice.byzantine.note.m_reduced':
    'OM({asked, number}) entre {generals, number} generales enviaría {messages, number} mensajes (límite {limit, number}): se juega OM({m, number}).',
  // ---- the network: a fault operation ({groups}: "A (3)"…), a drill script’s step ----
  'notice.net.fault.split': 'Partición en {groups}{open, plural, =0 {} one { con # enlace abierto} other { con # enlaces abiertos}}',
  'notice.net.fault.move': '{count, plural, one {Nodo movido} other {Nodos movidos}} al grupo {group}: {nodes}',
  'notice.net.fault.link': '{open, select, yes {Se abre} other {Se corta}} el enlace del grupo {from} al grupo {to}',
  'notice.net.fault.isolate': '{count, plural, one {Nodo aislado} other {Nodos aislados}}: {nodes}',
  'notice.net.fault.heal': 'Todas las particiones reparadas',
  'notice.net.fault.loss': 'Pérdida de mensajes: {rate, number, percent}',
  'notice.net.fault.link_loss': 'Pérdida del {rate, number, percent} en {from} {both, select, yes {↔} other {→}} {to}',
  'notice.net.fault.latency': 'Latencia de {base, number} ms + hasta {jitter, number} ms',
  'notice.net.fault.dup': 'Duplicación de mensajes: {rate, number, percent}',
  'notice.net.fault.crash': '{count, plural, one {Nodo caído} other {Nodos caídos}}: {nodes}',
  'notice.net.fault.restart': '{count, plural, one {Nodo reiniciado} other {Nodos reiniciados}}: {nodes}',
  'notice.net.fault.reset': 'Todos los fallos eliminados',
  'notice.net.step.start': 'Empezar una ronda de {game}',
  'notice.net.step.stop': 'Terminar la ronda',
  'notice.net.step.drill': '{drill}',
  'notice.net.step.crash_leader': 'Tumbar al líder',
  'notice.net.step.crash': 'Tumbar {count, plural, one {# nodo al azar} other {# nodos al azar}}',
  'notice.net.step.restart': 'Reiniciar todos los nodos caídos',
} as const satisfies Translation<typeof en>;
