// Errors only the console, the recordings page and the replay meet: worded on the client from
// their code and params ("error." + code), like errors/ (the phone's).
export default {
  // ---- the console ----
  'error.unknown_node': 'There is no such node in this room.',
  'error.unknown_game': 'There is no game called “{game}”.',
  'error.bad_config': 'These settings are not valid for this game.',
  'error.not_enough_nodes': '{game} needs at least {min, number} nodes; the room has {have, number}.',
  'error.no_leader': 'There is no leader to crash right now.',
  'error.no_nodes': 'Every node is already down.',
  'error.no_drill': 'No drill is running.',
  'error.bad_script': 'This drill script is not valid.',
  'error.drill_impossible':
    '{why, select, two_nodes {Splitting needs at least two nodes.} no_leader {There is no leader to isolate right now.} no_follower {There is no follower to isolate.} all_crashed {Every node is crashed.} three_nodes {A bridge needs at least three nodes.} four_nodes {A majorities ring needs at least four nodes.} other {With fewer than three nodes there is no minority to crash.}}',
  // ---- recordings ----
  'error.bad_session': 'That is not a recording id.',
  'error.unknown_recording': 'There is no such recording on this server (it may have been deleted).',
  'error.recording_live': 'Room {room} is still running: end its session in the console first.',
  'error.recording_held':
    'The recording of room {room} is missing its last lines: the server keeps them safe, and could not write them back when it started (its log says why). It opens once the server has been started again and has written them back.',
  'error.too_many_shares': 'This recording already has {max, number} share links: withdraw them and make a new one.',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'This file is not a Human Cluster recording (its first line is not JSON).',
  'error.recording.no_header': 'This file is not a Human Cluster recording (it has no recording header).',
  'error.recording.version':
    'This recording has format version {version}; this version reads formats 1 to {reads, number} (was it made by a newer one?).',
  'error.recording.bad_header': 'This recording’s header is damaged.',
  'error.recording.empty': 'This file is empty: it is not a recording.',
  'error.recording.bad_line': 'Line {line, number} of this recording is damaged.',
  'error.recording.unknown_event':
    'Line {line, number} of this recording is an event this version does not know (was it made by a newer one?).',
  'error.recording.missing_events': 'Line {line, number}: event {seq, number} follows event {prev, number}; events are missing.',
  'error.replay.unknown_game': 'This recording has a round of “{game}”, a game this version does not know.',
  'error.replay.no_clocks': 'This recording was made without vector clocks (a large simulation), so it cannot be exported to ShiViz.',
  'error.recording.too_big': 'This file is {mb, number} MB; the viewer opens recordings up to {max, number} MB.',
  'error.recording.gone': 'This file could not be read (it may have been moved or deleted).',
  'error.recording.unreadable': 'This file could not be read as a recording.',
} as const;
