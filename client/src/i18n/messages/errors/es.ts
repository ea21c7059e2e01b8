import type { Translation } from '../../catalogueTypes';
import type en from './en';

export default {
  'error.unknown': 'Algo ha fallado ({code}).',
  'error.bad_code': 'El código de sala tiene 5 letras y cifras, como K7QX3.',
  'error.unknown_room': 'No existe la sala {code}. Revisa el código en el proyector.',
  'error.room_ended': 'Esta sesión ha terminado.',
  'error.room_locked': 'El profesor ha cerrado esta sala.',
  'error.room_full': 'Esta sala está llena ({capacity, plural, one {# nodo} other {# nodos}}).',
  'error.nickname_invalid': 'Elige un apodo de 1 a 20 caracteres.',
  'error.nickname_taken': 'Alguien aquí ya se llama «{nickname}»: elige otro apodo.',
  'error.unknown_token': 'Este teléfono ya no es un nodo de esta sala. Vuelve a entrar con un apodo.',
  'error.kicked': 'El profesor te ha sacado de esta sala.',
  'error.left': 'Has salido de esta sala. Vuelve a entrar con un apodo.',
  'error.not_joined': 'Primero entra en una sala.',
  'error.not_in_room': 'No estás en esta sala.',
  'error.no_round': 'No hay ninguna ronda en curso: espera a que el profesor empiece una.',
  'error.not_in_round': 'Entraste después de que empezara esta ronda: jugarás en la siguiente.',
  'error.crashed': 'Tu nodo está caído: no puede hacer nada hasta que el profesor lo reinicie.',
  'error.is_bot': 'Un bot siempre va en piloto automático.',
  'error.forbidden': 'No tienes permiso para hacer eso.',
  'error.is_node': 'Esta pestaña juega como nodo: abre la consola en una pestaña aparte.',
  'error.unknown_event': 'El servidor no conoce esta petición (¿la página está desactualizada? Recárgala).',
  'error.not_found': 'El servidor no tiene esa página.',
  'error.rate_limited': 'Demasiadas peticiones: ve un poco más despacio.',
  'error.handoff_invalid': 'Este código ha caducado o ya se usó. Pide uno nuevo en la consola.',
  'error.recovery_invalid':
    'Ese código de recuperación no abre ninguna sala ni grabación en este servidor. Revísalo y vuelve a intentarlo.',
  'error.unknown_device': 'Ese dispositivo ya no tiene derechos de docente.',
  'error.payload_too_large': 'Esta petición es demasiado grande.',
  'error.bad_request': 'El servidor no ha podido leer esta petición.',
  'error.bad_action': 'El servidor no ha podido leer esta acción.',
  'error.internal': 'Algo ha fallado en el servidor. Inténtalo de nuevo.',
  'error.recording_unavailable': 'Ahora mismo no se puede escribir la grabación, así que no se acepta nada que cambie la sala.',
  'error.unknown_node': 'No existe ese nodo en esta sala.',
  'error.unknown_game': 'No existe ningún juego llamado «{game}».',
  'error.bad_config': 'Esta configuración no es válida para este juego.',
  'error.not_enough_nodes': '{game} necesita al menos {min, number} nodos; la sala tiene {have, number}.',
  'error.no_leader': 'Ahora mismo no hay ningún líder que tumbar.',
  'error.no_nodes': 'Todos los nodos ya están caídos.',
  'error.no_drill': 'No hay ningún simulacro en curso.',
  'error.bad_script': 'Este guion de simulacro no es válido.',
  'error.drill_impossible':
    '{why, select, two_nodes {Para partir hacen falta al menos dos nodos.} no_leader {Ahora mismo no hay ningún líder que aislar.} no_follower {No hay ningún seguidor que aislar.} all_crashed {Todos los nodos están caídos.} three_nodes {Un puente necesita al menos tres nodos.} four_nodes {Un anillo de mayorías necesita al menos cuatro nodos.} other {Con menos de tres nodos no hay ninguna minoría que tumbar.}}',
  'error.bad_session': 'Eso no es un identificador de grabación.',
  'error.unknown_recording': 'Esta grabación no existe en este servidor (puede que se haya borrado).',
  'error.recording_live': 'La sala {room} sigue en marcha: termina primero su sesión en la consola.',
  'error.too_many_shares': 'Esta grabación ya tiene {max, number} enlaces para compartir: retíralos y crea uno nuevo.',

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
    '{commander, select, yes {Eres leal: da a todos los tenientes la misma orden, Ataque o Retirada.} other {Eres leal: el servidor retransmite exactamente lo que recibiste; tú no eliges.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {Como comandante envías órdenes, no retransmisiones: omite el camino y el nivel.} signed {En una ronda firmada se retransmite por nivel, no por camino.} other {No hay ningún mensaje {path} que debas retransmitir en OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {En una ronda de mensajes orales, una retransmisión nombra el mensaje por su camino, no por un nivel.} other {Las retransmisiones de esta ronda tienen niveles del 2 al {max, number}.}}',
  'error.byzantine.no_order_yet': 'Espera la orden del comandante (o el final de la fase de órdenes) antes de retransmitir.',
  'error.byzantine.not_held': 'Aún no has recibido el mensaje {path}.',
  'error.byzantine.not_lieutenant': 'El comandante no decide: deciden los tenientes.',
  'error.byzantine.traitor': 'Los traidores no deciden: solo se juzgan las decisiones de los tenientes leales.',
  'error.byzantine.too_early': 'Espera a la fase de decisión: aún están llegando retransmisiones.',
  'error.byzantine.already_decided': 'Ya has decidido: {value, select, attack {Ataque} other {Retirada}}.',
  'error.sandbox.bad_recipient':
    '{why, select, self {No puedes enviarte un mensaje a ti mismo.} twice {Cada destinatario solo puede aparecer una vez.} other {No hay ningún nodo {id} en esta ronda.}}',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'Este archivo no es una grabación de Human Cluster (su primera línea no es JSON).',
  'error.recording.no_header': 'Este archivo no es una grabación de Human Cluster (no tiene cabecera de grabación).',
  'error.recording.version': 'Esta grabación tiene el formato versión {version}; esta versión lee el formato {reads, number}.',
  'error.recording.bad_header': 'La cabecera de esta grabación está dañada.',
  'error.recording.empty': 'Este archivo está vacío: no es una grabación.',
  'error.recording.bad_line': 'La línea {line, number} de esta grabación está dañada.',
  'error.recording.unknown_event':
    'La línea {line, number} de esta grabación es un evento que esta versión no conoce (¿se hizo con una más reciente?).',
  'error.recording.missing_events': 'Línea {line, number}: el evento {seq, number} sigue al {prev, number}; faltan eventos.',
  'error.replay.unknown_game': 'Esta grabación tiene una ronda de «{game}», un juego que esta versión no conoce.',
  'error.replay.no_clocks':
    'Esta grabación se hizo sin relojes vectoriales (una simulación grande), así que no se puede exportar a ShiViz.',
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'No se puede contactar con el servidor. Comprueba la wifi y vuelve a intentarlo.',
  'error.http': 'El servidor respondió con un error ({status, number}).',
  'error.recording.too_big': 'Este archivo ocupa {mb, number} MB; el visor abre grabaciones de hasta {max, number} MB.',
  'error.recording.gone': 'No se pudo leer este archivo (quizá se movió o se borró).',
  'error.recording.unreadable': 'Este archivo no se pudo leer como una grabación.',
} as const satisfies Translation<typeof en>;
