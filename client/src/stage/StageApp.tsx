// The projector stage: the view the class reads, in its own window, following the room live.
// While students join: the room code and a large QR code. During a round: the network map and
// the game's panel. When a round ends: its verdict beside the map. It fits the window without
// scrolling and sizes its type from the window (24 px at 1080p). It shows only what the server
// sends a stage: no secret before the instructor reveals it.

import { useEffect, useState } from 'react';
import type { StageSnapshot } from '../../../shared/protocol/views';
import { QrCode } from '../console/QrCode';
import { GAME_UIS } from '../games';
import { APP_NAME, useTitle } from '../useTitle';
import { StageMap } from './StageMap';
import { useStage, type StageSession } from './useStage';
import './stage.css';

/** The stage's type size at 1080p; everything on it is at least this, and scales with the window. */
const BASE_PX = 24;

/** The root font size for this window: 24 px at 1920×1080, in proportion otherwise. */
const measure = () => Math.min((window.innerHeight / 1080) * BASE_PX, (window.innerWidth / 1920) * BASE_PX);

function useStageFontPx(): number {
  const [px, setPx] = useState(measure);
  useEffect(() => {
    const onResize = () => setPx(measure());
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return px;
}

export function StageApp() {
  const stage = useStage();
  const px = useStageFontPx();
  useTitle(`Stage — ${stage.code ?? APP_NAME}`);
  const snapshot = stage.snapshot;
  return (
    <div className="stage" style={{ fontSize: `${px}px` }} data-testid="stage">
      {!snapshot ? (
        <main className="stage-message">
          {stage.error?.code === 'no_key' ? (
            <>
              <h1>This browser cannot open the stage of room {stage.code ?? '—'}</h1>
              <p>Open the stage from the instructor console, in the browser that holds the room.</p>
            </>
          ) : stage.error ? (
            <p role="alert">{stage.error.message}</p>
          ) : (
            <p role="status">Connecting to room {stage.code}…</p>
          )}
        </main>
      ) : (
        <Stage stage={stage} snapshot={snapshot} px={px} />
      )}
    </div>
  );
}

type Phase = 'joining' | 'round' | 'verdict' | 'ended';

function phaseOf(s: StageSnapshot): Phase {
  if (s.room.ended) return 'ended';
  if (s.round) return 'round';
  if (s.verdict) return 'verdict';
  return 'joining';
}

function Stage({ stage, snapshot, px }: { stage: StageSession; snapshot: StageSnapshot; px: number }) {
  const phase = phaseOf(snapshot);
  const count = snapshot.nodes.length;
  const shown = snapshot.round ?? snapshot.verdict;
  const ui = shown ? GAME_UIS[shown.game] : undefined;
  const groups = new Set(snapshot.nodes.map((n) => n.group)).size;
  const mapLabel = `Network map: ${count} node${count === 1 ? '' : 's'} in ${groups} group${groups === 1 ? '' : 's'}`;
  // Canvas labels: 12 px × scale is the smallest, so 24 px at 1080p.
  const scale = px / 12;

  if (phase === 'ended') {
    return (
      <main className="stage-message" data-phase="ended">
        <h1>The session has ended</h1>
        <p>Thank you for playing. The instructor can share the replay with the class.</p>
      </main>
    );
  }

  return (
    <div className="stage-grid" data-phase={phase}>
      <header className="stage-top">
        {phase !== 'joining' && (
          <div className="stage-code">
            Join <b className="mono">{snapshot.room.code}</b>
          </div>
        )}
        {phase !== 'joining' && <div className="stage-url mono">{stage.joinUrl}</div>}
        <div className="stage-title">{shown ? `Round ${shown.index}: ${shown.title}` : 'Waiting for the class to join'}</div>
        <span className="spacer" />
        {snapshot.paused && <span className="stage-pill">❚❚ Network paused</span>}
        {snapshot.revealed && <span className="stage-pill">Secrets revealed</span>}
        {!stage.online && <span className="stage-pill">Reconnecting…</span>}
        <div className="stage-count" data-testid="stage-count">
          <b>{count}</b> node{count === 1 ? '' : 's'}
        </div>
      </header>
      {phase === 'joining' ? (
        <main className="stage-body stage-joining">
          <section className="stage-join" aria-label="How to join">
            <QrCode text={stage.joinUrl} label={`QR code to join room ${snapshot.room.code}`} />
            <div className="stack stage-join-words">
              <div>Scan the QR code with your phone, or open</div>
              <div className="stage-url-big mono" data-testid="stage-join-url">
                {stage.joinUrl}
              </div>
              <div>Room code</div>
              <div className="stage-code-big mono" data-testid="stage-room-code">
                {snapshot.room.code}
              </div>
              {snapshot.room.locked && <div className="stage-pill">🔒 The room is locked</div>}
            </div>
          </section>
          <StageMap stage={stage} snapshot={snapshot} scale={scale} label={mapLabel} />
        </main>
      ) : (
        <main className="stage-body">
          <StageMap stage={stage} snapshot={snapshot} scale={scale} label={mapLabel} />
          <aside className="stage-side" aria-label={phase === 'verdict' ? 'How the round ended' : 'The round'}>
            {phase === 'verdict' && snapshot.verdict && <h2 className="stage-verdict-title">Round {snapshot.verdict.index} is over</h2>}
            {ui?.Stage && shown?.view ? (
              <ui.Stage view={shown.view} snapshot={snapshot} ended={phase === 'verdict'} />
            ) : (
              <p>Watch the messages on the map.</p>
            )}
          </aside>
        </main>
      )}
    </div>
  );
}
