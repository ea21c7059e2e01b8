// The recordings page: the sessions recorded on this server with the rooms this browser
// created (the console keeps their keys here), to open, download, share read-only with the
// class, or delete; and a recording file from this computer, opened without uploading it.

import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { RecoverForm } from '../console/RecoverForm';
import { QrCode } from '../console/QrCode';
import {
  deleteRecording,
  fetchRecording,
  instructorKeys,
  keyForRoom,
  listRecordings,
  recordingFileName,
  savedShares,
  saveFile,
  shareRecording,
  unshareRecording,
  type RecordingEntry,
} from './api';
import { loadRecording, nextPaint, readRecordingFile, type LoadedRecording } from './load';
import { formatBytes, formatDate, formatDuration } from '../i18n/format';
import { useT } from '../i18n/I18nProvider';
import { LanguagePicker } from '../i18n/LanguagePicker';
import type { Translator } from '../i18n/translate';
import { gameName, wordError } from '../i18n/words';
import type { ErrorInfo } from '../../../shared/protocol/result';
import { APP_NAME, useTitle } from '../useTitle';

export function RecordingsPage({
  onOpen,
  onOpenFile,
}: {
  onOpen(session: string, room: string): void;
  onOpenFile(loaded: LoadedRecording, name: string): void;
}) {
  const t = useT();
  useTitle(t('recordings.tab', { app: APP_NAME }));
  const [entries, setEntries] = useState<RecordingEntry[] | null>(null);
  const [error, setError] = useState<Pick<ErrorInfo, 'code' | 'params'> | null>(null);
  const [fileError, setFileError] = useState<{ file: string; error: Pick<ErrorInfo, 'code' | 'params'> } | null>(null);
  const [reading, setReading] = useState<string | null>(null);
  const [dragging, setDragging] = useState(false);
  const fileRef = useRef<HTMLInputElement>(null);
  const keys = instructorKeys();

  const refresh = useCallback(async () => {
    if (!instructorKeys().length) return setEntries([]);
    const r = await listRecordings(instructorKeys());
    if (r.ok) {
      setEntries(r.data);
      setError(null);
    } else setError(r.error);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const openFile = async (file: File | undefined) => {
    if (!file) return;
    setFileError(null);
    setReading(file.name);
    const startedAt = performance.now();
    const read = await readRecordingFile(file);
    const readMs = performance.now() - startedAt;
    if (!read.ok) {
      setReading(null);
      return setFileError({ file: file.name, error: read.error });
    }
    await nextPaint();
    const r = loadRecording(read.text);
    setReading(null);
    if (!r.ok) return setFileError({ file: file.name, error: r.error });
    Object.assign(r.data.timings, { startedAt, readMs, bytes: file.size });
    onOpenFile(r.data, file.name);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setDragging(false);
    void openFile(e.dataTransfer.files[0]);
  };

  return (
    <main
      className={`landing stack recordings${dragging ? ' dragging' : ''}`}
      onDragOver={(e) => {
        e.preventDefault();
        setDragging(true);
      }}
      onDragLeave={() => setDragging(false)}
      onDrop={onDrop}
    >
      <section className="hero">
        <h1>{t('recordings.heading')}</h1>
        <p>{t('recordings.intro')}</p>
        <LanguagePicker />
      </section>
      <section className="panel stack">
        <h2 style={{ margin: 0 }}>{t('recordings.file.heading')}</h2>
        <p className="muted" style={{ margin: 0 }}>
          {t('recordings.file.help')}
        </p>
        <div className="row">
          <button type="button" className="big" style={{ width: 'auto' }} onClick={() => fileRef.current?.click()} disabled={!!reading}>
            {reading ? t('recordings.file.reading', { name: reading }) : t('recordings.file.open')}
          </button>
          <span className="muted">{t('recordings.file.drop')}</span>
        </div>
        <input
          ref={fileRef}
          type="file"
          accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson"
          className="sr-only"
          aria-label={t('recordings.file.label')}
          data-testid="open-file"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {fileError && (
          <div className="error" role="alert" data-testid="file-error">
            {t('recordings.file.error', { name: fileError.file, error: wordError(t, fileError.error) })}
          </div>
        )}
      </section>
      <section className="panel stack" aria-labelledby="mine-title">
        <div className="row">
          <h2 id="mine-title" style={{ margin: 0 }}>
            {t('recordings.mine.heading')}
          </h2>
          <span className="spacer" />
          <a className="button small secondary" href="/console">
            {t('recordings.mine.console')}
          </a>
        </div>
        {error && (
          <div className="error" role="alert">
            {wordError(t, error)}
          </div>
        )}
        {entries === null && !error && <p className="muted">{t('common.loading')}</p>}
        {entries?.length === 0 && (
          <p className="muted" data-testid="no-recordings">
            {keys.length ? t('recordings.mine.none') : t('recordings.mine.noSession')}
          </p>
        )}
        {entries && entries.length > 0 && (
          <ul className="recording-list" data-testid="recordings">
            {entries.map((e) => (
              <RecordingRow key={e.session} entry={e} onOpen={() => onOpen(e.session, e.room)} onChanged={refresh} />
            ))}
          </ul>
        )}
      </section>
      <RecoverForm onRecovered={() => void refresh()} />
    </main>
  );
}

/** A refusal from the server, worded when shown. */
const failed = (error: Pick<ErrorInfo, 'code' | 'params'>) => (t: Translator) => wordError(t, error);

function RecordingRow({ entry: e, onOpen, onChanged }: { entry: RecordingEntry; onOpen(): void; onChanged(): Promise<void> }) {
  const t = useT();
  const [busy, setBusy] = useState<string | null>(null);
  // Worded when shown, so a change of language words it again.
  const [message, setMessage] = useState<((t: Translator) => string) | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(() => savedShares()[e.session] ?? null);
  const [showShare, setShowShare] = useState(false);
  const key = keyForRoom(e.room);

  const run = async (what: string, fn: () => Promise<((t: Translator) => string) | null>) => {
    setBusy(what);
    const said = await fn();
    // A function: wrapped, or React would call it as an updater.
    setMessage(() => said);
    setBusy(null);
  };
  const download = () =>
    run('download', async () => {
      if (!key) return (t: Translator) => t('recordings.row.noKey');
      const r = await fetchRecording(e.session, key, () => {});
      if (!r.ok) return failed(r.error);
      saveFile(r.data.blob, recordingFileName(e.room, e.startedAt));
      return null;
    });
  const share = () =>
    run('share', async () => {
      if (!key) return (t: Translator) => t('recordings.row.noKey');
      const r = await shareRecording(e.session, key);
      if (!r.ok) return failed(r.error);
      setShareUrl(r.data.url);
      setShowShare(true);
      await onChanged();
      return null;
    });
  const unshare = () =>
    run('unshare', async () => {
      if (!key) return (t: Translator) => t('recordings.row.noKey');
      const r = await unshareRecording(e.session, key);
      if (!r.ok) return failed(r.error);
      setShareUrl(null);
      setShowShare(false);
      await onChanged();
      return (t: Translator) => t('recordings.row.withdrawn');
    });
  const remove = () => {
    if (!window.confirm(t('recordings.row.confirmDelete', { room: e.room, date: formatDate(t, e.startedAt) }))) return;
    void run('delete', async () => {
      if (!key) return (t: Translator) => t('recordings.row.noKey');
      const r = await deleteRecording(e.session, key);
      if (!r.ok) return failed(r.error);
      await onChanged();
      return null;
    });
  };

  return (
    <li className="recording" data-session={e.session}>
      <div className="row">
        <div className="stack" style={{ gap: '0.1rem', minWidth: 0 }}>
          <div className="recording-title">
            <span className="mono room" translate="no">
              {e.room}
            </span>{' '}
            <span>{formatDate(t, e.startedAt)}</span>
            {e.live && <span className="pill online">● {t('recordings.row.running')}</span>}
            {e.torn && (
              <span className="pill reconnecting" title={t('recordings.row.tornWhy')}>
                {t('recordings.row.torn')}
              </span>
            )}
            {e.held && <span className="pill reconnecting">{t('recordings.row.held')}</span>}
          </div>
          <div className="muted">
            {t('recordings.row.meta', {
              games: e.games.length ? t.list(e.games.map((g) => gameName(t, g))) : t('recordings.row.noRounds'),
              rounds: e.rounds,
              nodes: e.nodes,
              duration: formatDuration(t, e.durationMs),
              size: formatBytes(t, e.bytes),
            })}
            {e.shares > 0 && ` · ${t('recordings.row.shared', { count: e.shares })}`}
          </div>
        </div>
        <span className="spacer" />
        <div className="row actions">
          <button type="button" onClick={onOpen} aria-label={t('recordings.row.openLabel', { room: e.room })} disabled={e.held}>
            {t('recordings.row.open')}
          </button>
          <button type="button" className="secondary" onClick={() => void download()} disabled={!!busy || e.held}>
            {busy === 'download' ? t('recordings.row.downloading') : t('recordings.row.download')}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => (shareUrl ? setShowShare((s) => !s) : void share())}
            disabled={!!busy || e.held}
            aria-expanded={showShare}
          >
            {t('recordings.row.share')}
          </button>
          <button
            type="button"
            className="danger"
            onClick={remove}
            disabled={!!busy || e.live || e.held}
            title={e.live ? t('recordings.row.endFirst') : undefined}
          >
            {t('recordings.row.delete')}
          </button>
        </div>
      </div>
      {e.live && <div className="muted">{t('recordings.row.stillRunning')}</div>}
      {e.held && <div className="muted">{t('recordings.row.heldWhy')}</div>}
      {message && (
        <div className="notice" role="status">
          {message(t)}
        </div>
      )}
      {showShare && shareUrl && (
        <div className="share row">
          <QrCode text={shareUrl} label={t('recordings.share.qr')} />
          <div className="stack" style={{ flex: 1, minWidth: 240 }}>
            <b>{t('recordings.share.anyone')}</b>
            <input
              readOnly
              value={shareUrl}
              aria-label={t('recordings.share.link')}
              data-testid="share-url"
              translate="no"
              onFocus={(ev) => ev.target.select()}
            />
            <div className="row">
              <button
                type="button"
                className="small"
                onClick={() =>
                  void navigator.clipboard
                    ?.writeText(shareUrl)
                    .then(() => setMessage(() => (t: Translator) => t('recordings.share.copied')))
                }
              >
                {t('recordings.share.copy')}
              </button>
              <button type="button" className="small secondary" onClick={() => void share()}>
                {t('recordings.share.new')}
              </button>
              <button type="button" className="small danger" onClick={() => void unshare()}>
                {t('recordings.share.withdraw')}
              </button>
            </div>
          </div>
        </div>
      )}
    </li>
  );
}
