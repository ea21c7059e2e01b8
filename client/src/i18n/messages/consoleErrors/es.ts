import type { Translation } from '../../catalogueTypes';
import type en from './en';

// Errors only the console, the recordings page and the replay meet: worded on the client from
// their code and params ("error." + code), like errors/ (the phone's).
export default {
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
  'error.recording_held':
    'A la grabación de la sala {room} le faltan sus últimas líneas: el servidor las guarda a salvo, pero no pudo volver a escribirlas al arrancar (su registro dice por qué). Se abrirá cuando el servidor se haya reiniciado y las haya vuelto a escribir.',
  'error.too_many_shares': 'Esta grabación ya tiene {max, number} enlaces para compartir: retíralos y crea uno nuevo.',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'Este archivo no es una grabación de Human Cluster (su primera línea no es JSON).',
  'error.recording.no_header': 'Este archivo no es una grabación de Human Cluster (no tiene cabecera de grabación).',
  'error.recording.version':
    'Esta grabación tiene el formato versión {version}; esta versión lee los formatos 1 a {reads, number} (¿la hizo una versión más nueva?).',
  'error.recording.bad_header': 'La cabecera de esta grabación está dañada.',
  'error.recording.empty': 'Este archivo está vacío: no es una grabación.',
  'error.recording.bad_line': 'La línea {line, number} de esta grabación está dañada.',
  'error.recording.unknown_event':
    'La línea {line, number} de esta grabación es un evento que esta versión no conoce (¿se hizo con una más reciente?).',
  'error.recording.missing_events': 'Línea {line, number}: el evento {seq, number} sigue al {prev, number}; faltan eventos.',
  'error.replay.unknown_game': 'Esta grabación tiene una ronda de «{game}», un juego que esta versión no conoce.',
  'error.replay.no_clocks':
    'Esta grabación se hizo sin relojes vectoriales (una simulación grande), así que no se puede exportar a ShiViz.',
  'error.recording.too_big': 'Este archivo ocupa {mb, number} MB; el visor abre grabaciones de hasta {max, number} MB.',
  'error.recording.gone': 'No se pudo leer este archivo (quizá se movió o se borró).',
  'error.recording.unreadable': 'Este archivo no se pudo leer como una grabación.',
} as const satisfies Translation<typeof en>;
