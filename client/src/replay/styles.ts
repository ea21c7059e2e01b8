// How the replay names and colours things, the same way the live console does: message kinds
// from each game's screens (GameUi.kinds), nodes by nickname.

import type { RecordingIndex } from '../../../shared/replay/recordingIndex';

export { kindStyle } from '../games/mapLook';

export function nodeNames(index: RecordingIndex): Map<string, string> {
  return new Map(index.nodes.map((n) => [n.id, n.nickname]));
}
