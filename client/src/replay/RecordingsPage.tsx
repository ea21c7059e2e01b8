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
import { formatBytes, formatDate, formatDuration } from './styles';
import { APP_NAME, useTitle } from '../useTitle';

export function RecordingsPage({
  onOpen,
  onOpenFile,
}: {
  onOpen(session: string, room: string): void;
  onOpenFile(loaded: LoadedRecording, name: string): void;
}) {
  useTitle(`Recordings — ${APP_NAME}`);
  const [entries, setEntries] = useState<RecordingEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
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
    } else setError(r.error.message);
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
      return setFileError(read.message);
    }
    await nextPaint();
    const r = loadRecording(read.text);
    setReading(null);
    if (!r.ok) return setFileError(`${file.name}: ${r.message}`);
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
        <h1>Recordings</h1>
        <p>Replay what happened: scrub the timeline, watch the network map and the space-time diagram, read each round's analysis.</p>
      </section>
      <section className="panel stack">
        <h2 style={{ margin: 0 }}>Open a recording file</h2>
        <p className="muted" style={{ margin: 0 }}>
          A file someone sent you (a <span className="mono">.jsonl</span> recording). It opens in this browser: nothing is uploaded.
        </p>
        <div className="row">
          <button type="button" className="big" style={{ width: 'auto' }} onClick={() => fileRef.current?.click()} disabled={!!reading}>
            {reading ? `Reading ${reading}…` : 'Open a file…'}
          </button>
          <span className="muted">or drop it on this page</span>
        </div>
        <input
          ref={fileRef}
          type="file"
          accept=".jsonl,.ndjson,.json,.txt,application/x-ndjson"
          className="sr-only"
          aria-label="Recording file"
          data-testid="open-file"
          onChange={(e) => {
            void openFile(e.target.files?.[0]);
            e.target.value = '';
          }}
        />
        {fileError && (
          <div className="error" role="alert" data-testid="file-error">
            {fileError}
          </div>
        )}
      </section>
      <section className="panel stack" aria-labelledby="mine-title">
        <div className="row">
          <h2 id="mine-title" style={{ margin: 0 }}>
            Your sessions on this server
          </h2>
          <span className="spacer" />
          <a className="button small secondary" href="/console">
            Instructor console
          </a>
        </div>
        {error && (
          <div className="error" role="alert">
            {error}
          </div>
        )}
        {entries === null && !error && <p className="muted">Loading…</p>}
        {entries?.length === 0 && (
          <p className="muted" data-testid="no-recordings">
            {keys.length
              ? 'No recordings for the rooms this browser created (they may have been deleted).'
              : 'This browser has not run a session yet. Rooms you create in the instructor console are recorded and appear here.'}
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

function RecordingRow({ entry: e, onOpen, onChanged }: { entry: RecordingEntry; onOpen(): void; onChanged(): Promise<void> }) {
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [shareUrl, setShareUrl] = useState<string | null>(() => savedShares()[e.session] ?? null);
  const [showShare, setShowShare] = useState(false);
  const key = keyForRoom(e.room);

  const run = async (what: string, fn: () => Promise<string | null>) => {
    setBusy(what);
    setMessage(await fn());
    setBusy(null);
  };
  const download = () =>
    run('download', async () => {
      if (!key) return 'This browser no longer has the key for this room.';
      const r = await fetchRecording(e.session, key, () => {});
      if (!r.ok) return r.error.message;
      saveFile(r.data.blob, recordingFileName(e.room, e.startedAt));
      return null;
    });
  const share = () =>
    run('share', async () => {
      if (!key) return 'This browser no longer has the key for this room.';
      const r = await shareRecording(e.session, key);
      if (!r.ok) return r.error.message;
      setShareUrl(r.data.url);
      setShowShare(true);
      await onChanged();
      return null;
    });
  const unshare = () =>
    run('unshare', async () => {
      if (!key) return 'This browser no longer has the key for this room.';
      const r = await unshareRecording(e.session, key);
      if (!r.ok) return r.error.message;
      setShareUrl(null);
      setShowShare(false);
      await onChanged();
      return 'Share links withdrawn: they no longer open this recording.';
    });
  const remove = () => {
    if (
      !window.confirm(
        `Delete the recording of room ${e.room} (${formatDate(e.startedAt)}) from this server? Share links stop working. This cannot be undone.`,
      )
    )
      return;
    void run('delete', async () => {
      if (!key) return 'This browser no longer has the key for this room.';
      const r = await deleteRecording(e.session, key);
      if (!r.ok) return r.error.message;
      await onChanged();
      return null;
    });
  };

  return (
    <li className="recording" data-session={e.session}>
      <div className="row">
        <div className="stack" style={{ gap: '0.1rem', minWidth: 0 }}>
          <div className="recording-title">
            <span className="mono room">{e.room}</span> <span>{formatDate(e.startedAt)}</span>
            {e.live && <span className="pill online">● running</span>}
            {e.torn && (
              <span className="pill reconnecting" title="The server stopped while writing the last line; the rest reads.">
                last line cut off
              </span>
            )}
          </div>
          <div className="muted">
            {e.games.length ? e.games.join(', ') : 'no rounds'} · {e.rounds} round{e.rounds === 1 ? '' : 's'} · {e.nodes} nodes ·{' '}
            {formatDuration(e.durationMs)} · {formatBytes(e.bytes)}
            {e.shares > 0 && ` · shared (${e.shares} link${e.shares === 1 ? '' : 's'})`}
          </div>
        </div>
        <span className="spacer" />
        <div className="row actions">
          <button type="button" onClick={onOpen} aria-label={`Open the recording of room ${e.room}`}>
            Open
          </button>
          <button type="button" className="secondary" onClick={() => void download()} disabled={!!busy}>
            {busy === 'download' ? 'Downloading…' : 'Download'}
          </button>
          <button
            type="button"
            className="secondary"
            onClick={() => (shareUrl ? setShowShare((s) => !s) : void share())}
            disabled={!!busy}
            aria-expanded={showShare}
          >
            Share link
          </button>
          <button
            type="button"
            className="danger"
            onClick={remove}
            disabled={!!busy || e.live}
            title={e.live ? 'End the session in the console first' : undefined}
          >
            Delete
          </button>
        </div>
      </div>
      {e.live && <div className="muted">Still running: end the session in the console to delete its recording.</div>}
      {message && (
        <div className="notice" role="status">
          {message}
        </div>
      )}
      {showShare && shareUrl && (
        <div className="share row">
          <QrCode text={shareUrl} label="QR code of the share link" />
          <div className="stack" style={{ flex: 1, minWidth: 240 }}>
            <b>Anyone with this link can watch this recording (read-only):</b>
            <input readOnly value={shareUrl} aria-label="Share link" data-testid="share-url" onFocus={(ev) => ev.target.select()} />
            <div className="row">
              <button
                type="button"
                className="small"
                onClick={() => void navigator.clipboard?.writeText(shareUrl).then(() => setMessage('Link copied.'))}
              >
                Copy
              </button>
              <button type="button" className="small secondary" onClick={() => void share()}>
                New link
              </button>
              <button type="button" className="small danger" onClick={() => void unshare()}>
                Withdraw all links
              </button>
            </div>
          </div>
        </div>
      )}
    </li>
  );
}
