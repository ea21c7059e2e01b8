// The landing area's messages (English, the source). Keys start with "landing.". See ../../README.md.
// The front page (client/src/Landing.tsx): join a room by its code, or host a class.
export default {
  'landing.pitch':
    'Your class is the distributed system. Every phone is a node, the server is the network, and the instructor is the network’s adversary.',
  'landing.join.title': 'Join with a code',
  'landing.join.label': 'Room code',
  'landing.join.submit': 'Join',
  'landing.join.bad': 'A room code has 5 letters and digits, like {example}.',
  'landing.host.title': 'Host a class',
  'landing.host.text': 'Open the instructor console on the projector: it creates a room with a code and a QR code for the phones.',
  'landing.host.go': 'Host a class',
} as const;
