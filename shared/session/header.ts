import { defaultFaults, type Faults } from '../net/faults';
import { RECORDING_FORMAT, RECORDING_VERSION, type RecordingHeader } from '../protocol/recordingFormat';

/** A recording header with sensible defaults (tests and the simulator fill in little). */
export function makeHeader(fields: Partial<RecordingHeader> & { faults?: Faults } = {}): RecordingHeader {
  return {
    format: RECORDING_FORMAT,
    version: RECORDING_VERSION,
    session: fields.session ?? 'test-session',
    room: fields.room ?? 'TEST2',
    startedAt: fields.startedAt ?? '1970-01-01T00:00:00.000Z',
    seed: fields.seed ?? 1,
    capacity: fields.capacity ?? 300,
    keyHash: fields.keyHash ?? '',
    faults: fields.faults ?? defaultFaults(),
    vectorClocks: fields.vectorClocks ?? true,
  };
}
