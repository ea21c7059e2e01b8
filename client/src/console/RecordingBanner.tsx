// Tells the instructor when the server cannot write the session's recording (students' actions
// are refused meanwhile), and what a restart found damaged in it and set aside.

import { useState } from 'react';
import type { RecordingNotice } from '../../../shared/protocol/events';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';

const WHAT_HAPPENED: Record<NonNullable<RecordingNotice['reason']>, MessageKey> = {
  disk_full: 'console.recording.disk_full',
  permission: 'console.recording.permission',
  io: 'console.recording.io',
};

export function RecordingBanner({ notice }: { notice: RecordingNotice | null }) {
  const t = useT();
  const [hidden, setHidden] = useState<string | null>(null);
  if (!notice) return null;
  const aside = notice.setAside;
  const asideKey = aside ? `${aside.file}:${aside.fromLine}` : null;
  return (
    <>
      {!notice.saving && (
        <div className="banner recording-stopped" role="alert" data-testid="recording-stopped">
          <strong>{t('console.recording.stopped')}</strong> {notice.reason && t(WHAT_HAPPENED[notice.reason])}{' '}
          {t('console.recording.carryOn')}
        </div>
      )}
      {aside && hidden !== asideKey && (
        <div className="notice row" role="status" style={{ margin: '0.5rem 1rem 0' }}>
          <span>{t('console.recording.setAside', { line: aside.fromLine, why: aside.why, lines: aside.lines, file: aside.file })}</span>
          <button type="button" className="small secondary" onClick={() => setHidden(asideKey)}>
            {t('console.dismiss')}
          </button>
        </div>
      )}
    </>
  );
}
