// Server errors, worded on the client from their code and params: "error." + code, or for an
// action a game refused, "error.<game>." + code first. The server's own English `message` is for
// logs and students' programs only.
export default {
  'error.unknown': 'Something went wrong ({code}).',
  // ---- joining and the room ----
  'error.bad_code': 'A room code has 5 letters and digits, like K7QX3.',
  'error.unknown_room': 'There is no room {code}. Check the code on the projector.',
  'error.room_ended': 'This session has ended.',
  'error.room_locked': 'The instructor has locked this room.',
  'error.room_full': 'This room is full ({capacity, plural, one {# node} other {# nodes}}).',
  'error.nickname_invalid': 'Pick a nickname of 1 to 20 characters.',
  'error.nickname_taken': 'Someone here is already called “{nickname}”: pick another nickname.',
  'error.unknown_token': 'This phone is not a node of this room any more. Join again with a nickname.',
  'error.kicked': 'The instructor removed you from this room.',
  'error.left': 'You left this room. Join again with a nickname.',
  'error.not_joined': 'Join a room first.',
  'error.not_in_room': 'You are not in this room.',
  'error.no_round': 'No round is running: wait for the instructor to start one.',
  'error.not_in_round': 'You joined after this round started: you will play in the next one.',
  'error.crashed': 'Your node is crashed: it can do nothing until the instructor restarts it.',
  'error.is_bot': 'A bot is always on autopilot.',
  'error.forbidden': 'You are not allowed to do that.',
  'error.is_node': 'This tab plays a node: open the console in a tab of its own.',
  'error.unknown_event': 'The server does not know this request (is this page out of date? Reload it).',
  'error.not_found': 'The server has no such page.',
  'error.rate_limited': 'Too many requests: slow down a little.',
  'error.handoff_invalid': 'This code has expired or was already used. Ask for a new one on the console.',
  'error.recovery_invalid': 'That recovery code opens no room or recording on this server. Check it and try again.',
  'error.unknown_device': 'That device no longer holds instructor rights.',
  'error.payload_too_large': 'This request is too large.',
  'error.bad_request': 'The server could not read this request.',
  'error.bad_action': 'The server could not read this action.',
  'error.internal': 'Something went wrong on the server. Try again.',
  'error.recording_unavailable': 'The recording cannot be written right now, so nothing that would change the room is accepted.',
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
  'error.too_many_shares': 'This recording already has {max, number} share links: withdraw them and make a new one.',

  // ---- actions a game refused ----
  'error.not_playing': 'You joined after this round started: wait for the next one.',
  'error.election.no_request': 'There is no vote request from {node} to answer.',
  'error.election.already_leader': 'You are already the leader of term {term, number}.',
  'error.election.timer_running': 'Your election timer is still running: you may stand for election only when it has run out.',
  'error.election.stale_request':
    '{node} asked for your vote in term {asked, number}, but you are in term {term, number} now: that request is out of date.',
  'error.election.already_voted':
    '{self, select, yes {You voted for yourself in term {term, number} when you stood: one vote per term.} other {You already voted for {node} in term {term, number}: one vote per term.}}',
  'error.election.log_behind':
    '{node}’s log is behind yours (it ends at entry {theirIndex, number} of term {theirTerm, number}; yours at entry {myIndex, number} of term {myTerm, number}): Raft only elects a candidate whose log is at least as up to date as yours.',
  'error.election.not_leader':
    'Only the leader can propose the restaurant; you are a {role, select, candidate {candidate} other {follower}} in term {term, number}.',
  'error.election.proposal_pending': 'Your proposal “{value}” is not committed yet: wait until a majority stores it.',
  'error.election.log_full': 'The log is full ({max, number} entries): no more proposals this round.',
  'error.gossip.game_over': 'The rumour game is over: wait for the next round.',
  'error.gossip.nothing_to_do': 'You know the rumour. In pull gossip you wait to be asked: the server answers for you.',
  'error.gossip.too_soon': 'You learned the rumour in round {learned, number}: you can pass it on from round {next, number}.',
  'error.gossip.not_known':
    '{mode, select, push {You do not know the rumour yet: wait until someone tells you.} other {You do not know the rumour yet, so there is nothing to tell: ask someone instead.}}',
  'error.gossip.wrong_mode':
    '{mode, select, pull {This is pull gossip: nobody tells unasked; nodes that do not know ask.} other {In this gossip nobody asks: nodes tell.}}',
  'error.gossip.already_known': 'You already know the rumour: there is nothing to ask.',
  'error.gossip.no_picks_left':
    'You already picked {count, plural, one {# node} other {# nodes}} in round {round, number} ({nodes}): wait for round {next, number}.',
  'error.gossip.no_one_left': 'There is nobody left to pick this round.',
  'error.gossip.bad_target':
    '{why, select, self {You cannot {verb, select, ask {ask} other {tell}} yourself: pick someone else.} other {There is no node {id} in this round.}}',
  'error.gossip.repeated_target':
    '{why, select, twice {You picked {node} twice: pick each node once.} other {You already {verb, select, ask {asked} other {told}} {node} in round {round, number}.}}',
  'error.gossip.too_many':
    'You may pick {left, plural, one {# more node} other {# more nodes}} in round {round, number}, not {want, number}.',
  'error.byzantine.bad_recipient':
    '{why, select, self {You cannot send a message to yourself.} other {{id} is not one of this message’s recipients.}}',
  'error.byzantine.already_sent': 'You already told {node}: {value, select, attack {Attack} other {Retreat}}.',
  'error.byzantine.not_general': 'You are watching this round: it already has {count, number} generals. You will play in a later one.',
  'error.byzantine.round_over': 'The generals have decided: this round is over.',
  'error.byzantine.not_commander': 'Only the commander gives orders, and {node} commands this round. Wait for your order.',
  'error.byzantine.phase_over':
    '{level, select, 1 {The orders phase is over: your orders have gone out.} other {The level-{level} relay phase is over.}}',
  'error.byzantine.already_ordered': 'You have already given every lieutenant an order.',
  'error.byzantine.loyal':
    '{commander, select, yes {You are loyal: give every lieutenant the same order with Attack or Retreat.} other {You are loyal: the server relays exactly what you received; you do not choose.}}',
  'error.byzantine.bad_path':
    '{why, select, commander {As commander you send orders, not relays: leave out the path and the level.} signed {In a signed round you relay by level, not by path.} other {There is no message {path} for you to relay in OM({m, number}).}}',
  'error.byzantine.bad_level':
    '{why, select, oral {In an oral-messages round a relay names the message it passes on by its path, not a level.} other {This round’s relays have levels 2 to {max, number}.}}',
  'error.byzantine.no_order_yet': 'Wait for the commander’s order (or the end of the orders phase) before you relay.',
  'error.byzantine.not_held': 'You have not received the message {path} yet.',
  'error.byzantine.not_lieutenant': 'The commander does not decide: the lieutenants do.',
  'error.byzantine.traitor': 'Traitors don’t decide: only the loyal lieutenants’ decisions are judged.',
  'error.byzantine.too_early': 'Wait for the decision phase: relays are still arriving.',
  'error.byzantine.already_decided': 'You already decided: {value, select, attack {Attack} other {Retreat}}.',
  'error.sandbox.bad_recipient':
    '{why, select, self {You cannot send a message to yourself.} twice {Each recipient may appear only once.} other {There is no node {id} in this round.}}',
  // ---- reading a recording (the replay and the recordings page) ----
  'error.recording.not_json': 'This file is not a Human Cluster recording (its first line is not JSON).',
  'error.recording.no_header': 'This file is not a Human Cluster recording (it has no recording header).',
  'error.recording.version': 'This recording has format version {version}; this version reads format {reads, number}.',
  'error.recording.bad_header': 'This recording’s header is damaged.',
  'error.recording.empty': 'This file is empty: it is not a recording.',
  'error.recording.bad_line': 'Line {line, number} of this recording is damaged.',
  'error.recording.unknown_event':
    'Line {line, number} of this recording is an event this version does not know (was it made by a newer one?).',
  'error.recording.missing_events': 'Line {line, number}: event {seq, number} follows event {prev, number}; events are missing.',
  'error.replay.unknown_game': 'This recording has a round of “{game}”, a game this version does not know.',
  'error.replay.no_clocks': 'This recording was made without vector clocks (a large simulation), so it cannot be exported to ShiViz.',
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'The server cannot be reached. Check the Wi-Fi and try again.',
  'error.http': 'The server answered with an error ({status, number}).',
  'error.recording.too_big': 'This file is {mb, number} MB; the viewer opens recordings up to {max, number} MB.',
  'error.recording.gone': 'This file could not be read (it may have been moved or deleted).',
  'error.recording.unreadable': 'This file could not be read as a recording.',
} as const;
