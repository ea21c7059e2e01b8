// Tells the instructor when the server cannot write the session's recording (students' actions
// are refused meanwhile), and what a restart found damaged in it and set aside.

import { useState } from 'react';
import type { RecordingNotice } from '../../../shared/protocol/events';

const WHAT_TO_DO: Record<NonNullable<RecordingNotice['reason']>, string> = {
  disk_full: 'Free some space on the server’s disk.',
  permission: 'Check that the server may write to its recordings folder.',
  io: 'Check the server’s disk.',
};

export function RecordingBanner({ notice }: { notice: RecordingNotice | null }) {
  const [hidden, setHidden] = useState<string | null>(null);
  if (!notice) return null;
  const aside = notice.setAside;
  const asideKey = aside ? `${aside.file}:${aside.fromLine}` : null;
  return (
    <>
      {!notice.saving && (
        <div className="banner recording-stopped" role="alert" data-testid="recording-stopped">
          <strong>Recording stopped.</strong> {notice.message} {notice.reason && WHAT_TO_DO[notice.reason]} The room carries on by itself
          once it can write again.
        </div>
      )}
      {aside && hidden !== asideKey && (
        <div className="notice row" role="status" style={{ margin: '0.5rem 1rem 0' }}>
          <span>
            When the server restarted, line {aside.fromLine} of this session’s recording was damaged ({aside.why}). Everything before it was
            restored; the {aside.lines === 1 ? 'damaged line was' : `${aside.lines} lines from there were`} kept beside the recording in{' '}
            <span className="mono">{aside.file}</span>.
          </span>
          <button type="button" className="small secondary" onClick={() => setHidden(asideKey)}>
            Dismiss
          </button>
        </div>
      )}
    </>
  );
}
