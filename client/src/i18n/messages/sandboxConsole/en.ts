// The sandboxConsole area's messages (English, the source). See ../../README.md.
export default {
  // The sandbox’s console, result and look
  'sandbox.look.blurb': 'Warm-up: send messages to anyone and watch them get lost.',
  'sandbox.look.kind.text': 'text',
  'sandbox.look.summary': '{delivered, number} of {sent, plural, one {# message} other {# messages}} delivered',
  'sandbox.console.intro': 'Everyone can message anyone they pick. Cut the network, add loss, and watch what arrives.',
  'sandbox.console.node': 'Node',
  'sandbox.console.sent': 'Sent',
  'sandbox.console.received': 'Received',
  'sandbox.result.nodes': 'Nodes',
  'sandbox.result.delivered': 'Delivered',
  'sandbox.result.duplicated': 'Duplicated',
  'sandbox.result.dropped': 'Dropped',
  'sandbox.result.droppedHow': '{partition, number} by partition · {loss, number} lost · {crashed, number} to/from crashed',
} as const;
