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
  // ---- errors the client makes itself (the network, a file from this computer) ----
  'error.offline': 'The server cannot be reached. Check the Wi-Fi and try again.',
  'error.http': 'The server answered with an error ({status, number}).',
} as const;
