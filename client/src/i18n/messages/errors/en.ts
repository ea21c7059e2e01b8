// Server errors, worded on the client from their code ("error." + code) and params. The server's
// own English `message` is for logs and students' programs only.
export default {
  'error.bad_code': 'A room code has 5 letters and digits, like K7QX3.',
  'error.unknown_room': 'There is no room with this code. Check the code on the projector.',
  'error.room_ended': 'This session has ended.',
  'error.room_locked': 'The instructor has locked this room.',
  'error.room_full': 'This room is full.',
  'error.nickname_invalid': 'Pick a nickname of 1 to 20 characters.',
  'error.nickname_taken': 'Someone here already has this nickname: pick another one.',
  'error.unknown_token': 'This phone is not a node of this room any more. Join again with a nickname.',
  'error.kicked': 'The instructor removed you from this room.',
  'error.left': 'You left this room. Join again with a nickname.',
  'error.not_joined': 'Join a room first.',
  'error.not_in_room': 'You are not in this room.',
  'error.no_round': 'No round is running: wait for the instructor to start one.',
  'error.not_in_round': 'You joined after this round started: you will play in the next one.',
  'error.crashed': 'Your node is crashed: it can do nothing until the instructor restarts it.',
  'error.forbidden': 'You are not allowed to do that.',
  'error.rate_limited': 'Too many requests: slow down a little.',
  'error.internal': 'Something went wrong on the server. Try again.',
  'error.unknown': 'Something went wrong ({code}).',
} as const;
