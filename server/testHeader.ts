// The header of a recording a test writes by hand (the recorder's, reader's, journal's and full-disk
// tests), beside the in-memory disk they write it to (memoryFiles.ts).

import { defaultFaults } from '../shared/net/faults';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingHeader } from '../shared/protocol/recordingFormat';

export function testHeader(session = 's1'): RecordingHeader {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    session,
    room: 'K7QX3',
    startedAt: '2026-01-01T00:00:00.000Z',
    seed: 1,
    capacity: 300,
    keyHash: 'x',
    faults: defaultFaults(),
    vectorClocks: true,
  };
}
