// The timeline: play / pause, speed, the instant, jumps (round, network change, dropped
// message), and a strip of the whole session (rounds, partitions, network changes, where
// messages were dropped) to scrub on. The strip is a canvas under a native range input, so
// the keyboard and screen readers get a real slider.

import { memo, useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { cell, formatClock, partitionPeriods } from './geometry';
import { SPEEDS, type ReplayPlayer } from './player';
import { useT } from '../i18n/I18nProvider';
import type { MessageKey } from '../i18n/translate';
import { gameName } from '../i18n/words';

const BUCKETS = 600;

export const Timeline = memo(function Timeline({ player }: { player: ReplayPlayer }) {
  useSyncExternalStore(player.subscribe, player.getVersion);
  const { index } = player;
  const duration = Math.max(1, index.duration);
  const roundStarts = useMemo(() => player.roundStarts(), [player]);
  const faultTimes = useMemo(() => player.faultTimes(), [player]);
  const round = index.roundAt(player.t);
  const t = useT();
  const [notice, setNotice] = useState<MessageKey | null>(null);
  const jump = (ok: boolean, what: MessageKey) => setNotice(ok ? null : what);

  return (
    <>
      <section className="panel timeline" aria-label={t('replay.timeline.label')}>
        <div className="row timeline-controls">
          <button
            type="button"
            className="play"
            onClick={() => player.toggle()}
            aria-label={player.playing ? t('replay.timeline.pause') : t('replay.timeline.play')}
            data-testid="play"
          >
            {player.playing ? `❚❚ ${t('replay.timeline.pause')}` : `▶ ${t('replay.timeline.play')}`}
          </button>
          <div className="time" data-testid="replay-time">
            <span className="mono now">{formatClock(player.t, 100)}</span>
            <span className="muted mono"> / {formatClock(duration, 100)}</span>
            {player.catchingUp && (
              <span className="muted" role="status">
                {' '}
                {t('replay.timeline.catchingUp')}
              </span>
            )}
          </div>
          <fieldset className="row speeds plain-group" aria-label={t('replay.timeline.speed')}>
            {SPEEDS.map((s) => (
              <button
                type="button"
                key={s}
                className="small secondary"
                aria-pressed={player.speed === s}
                onClick={() => player.setSpeed(s)}
              >
                {s === 0.25 ? '¼' : s === 0.5 ? '½' : s}×
              </button>
            ))}
          </fieldset>
          <span className="spacer" />
          <span className="round-now muted">
            {round ? t('replay.side.round', { index: round.index, game: gameName(t, round.game) }) : t('replay.timeline.beforeFirst')}
          </span>
        </div>
        <Strip player={player} duration={duration} />
      </section>
      <fieldset className="row jumps plain-group" aria-label={t('replay.timeline.jumpTo')}>
        <JumpPair
          label={t('replay.timeline.round')}
          prevLabel={t('replay.timeline.prevRound')}
          nextLabel={t('replay.timeline.nextRound')}
          prev={() => jump(player.jumpPrev(roundStarts), 'replay.timeline.noEarlierRound')}
          next={() => jump(player.jumpNext(roundStarts), 'replay.timeline.noLaterRound')}
        />
        <JumpPair
          label={t('replay.timeline.change')}
          prevLabel={t('replay.timeline.prevChange')}
          nextLabel={t('replay.timeline.nextChange')}
          prev={() => jump(player.jumpPrev(faultTimes), 'replay.timeline.noEarlierChange')}
          next={() => jump(player.jumpNext(faultTimes), 'replay.timeline.noLaterChange')}
        />
        <JumpPair
          label={t('replay.timeline.drop')}
          prevLabel={t('replay.timeline.prevDrop')}
          nextLabel={t('replay.timeline.nextDrop')}
          prev={() => jump(player.nextDrop(-1), 'replay.timeline.noEarlierDrop')}
          next={() => jump(player.nextDrop(1), 'replay.timeline.noLaterDrop')}
        />
        {index.rounds.length > 1 && (
          <select
            value={round ? String(round.index) : ''}
            onChange={(e) => {
              const r = index.rounds.find((x) => String(x.index) === e.target.value);
              if (r) player.seek(r.startT);
            }}
            aria-label={t('replay.timeline.jumpRound')}
          >
            {!round && <option value="">{t('replay.side.before')}</option>}
            {index.rounds.map((r) => (
              <option key={r.index} value={r.index}>
                {t('replay.timeline.roundOption', { index: r.index, game: gameName(t, r.game), at: formatClock(r.startT) })}
              </option>
            ))}
          </select>
        )}
        {notice && (
          <span className="muted" role="status">
            {t(notice)}
          </span>
        )}
      </fieldset>
    </>
  );
});

function JumpPair({
  label,
  prevLabel,
  nextLabel,
  prev,
  next,
}: {
  label: string;
  prevLabel: string;
  nextLabel: string;
  prev(): void;
  next(): void;
}) {
  return (
    <fieldset className="jump-pair plain-group" aria-label={label}>
      <button type="button" className="small secondary" onClick={prev} aria-label={prevLabel}>
        ◀
      </button>
      <span className="jump-label">{label}</span>
      <button type="button" className="small secondary" onClick={next} aria-label={nextLabel}>
        ▶
      </button>
    </fieldset>
  );
}

/** The whole session at a glance, with the playhead; drag on it to scrub. */
function Strip({ player, duration }: { player: ReplayPlayer; duration: number }) {
  const t = useT();
  const { index } = player;
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const wrapRef = useRef<HTMLDivElement>(null);
  const [width, setWidth] = useState(800);
  const height = 52;
  const pending = useRef<number | null>(null);
  const headRef = useRef<HTMLDivElement>(null);

  const histogram = useMemo(() => {
    const sends = new Uint32Array(BUCKETS);
    const drops = new Uint32Array(BUCKETS);
    const m = index.messages;
    const bucket = (t: number) => Math.min(BUCKETS - 1, Math.max(0, Math.floor((t / duration) * BUCKETS)));
    const count = (counts: Uint32Array, t: number) => {
      const b = bucket(t);
      counts[b] = cell(counts, b) + 1;
    };
    for (let k = 0; k < m.count; k++) count(sends, cell(m.sendT, k));
    for (const i of index.drops) count(drops, cell(index.times, i));
    let max = 1;
    for (const s of sends) max = Math.max(max, s);
    return { sends, drops, max };
  }, [index, duration]);
  const partitions = useMemo(() => partitionPeriods(index.faults, duration), [index, duration]);

  useEffect(() => {
    const el = wrapRef.current;
    if (!el) return;
    const ro = new ResizeObserver((entries) => {
      for (const e of entries) setWidth(Math.max(200, Math.round(e.contentRect.width)));
    });
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  // The strip itself is drawn once per size; only the playhead (a DOM element) moves.
  useEffect(() => {
    const canvas = canvasRef.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const dpr = window.devicePixelRatio || 1;
    canvas.width = Math.round(width * dpr);
    canvas.height = Math.round(height * dpr);
    const x = (t: number) => (t / duration) * width;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, width, height);
    ctx.fillStyle = '#eef1f6';
    ctx.fillRect(0, 0, width, height);
    // Rounds: alternating bands, named.
    index.rounds.forEach((r, i) => {
      ctx.fillStyle = i % 2 ? '#dbe4f7' : '#e6ecf9';
      ctx.fillRect(x(r.startT), 0, Math.max(2, x(r.endT) - x(r.startT)), 18);
      ctx.fillStyle = '#101828';
      ctx.font = '700 12px system-ui, sans-serif';
      if (x(r.endT) - x(r.startT) > 60)
        ctx.fillText(t('replay.timeline.stripRound', { index: r.index, game: gameName(t, r.game) }), x(r.startT) + 4, 13);
    });
    // Partitions: a hatched red band.
    for (const p of partitions) {
      const a = x(p.t0);
      const w = Math.max(2, x(p.t1) - a);
      ctx.fillStyle = 'rgba(192,29,29,0.16)';
      ctx.fillRect(a, 18, w, height - 18);
      ctx.strokeStyle = 'rgba(192,29,29,0.45)';
      ctx.lineWidth = 1;
      ctx.beginPath();
      for (let hx = a - 20; hx < a + w; hx += 7) {
        ctx.moveTo(Math.max(a, hx), height);
        ctx.lineTo(Math.min(a + w, hx + 20), height - 20);
      }
      ctx.stroke();
    }
    // Traffic (grey) and drops (red) per slice of time.
    const bw = width / BUCKETS;
    for (const [b, s] of histogram.sends.entries()) {
      if (!s) continue;
      const h = (Math.sqrt(s) / Math.sqrt(histogram.max)) * (height - 24);
      ctx.fillStyle = '#98a2b3';
      ctx.fillRect(b * bw, height - h, Math.max(1, bw), h);
      const d = histogram.drops[b];
      if (d) {
        const dh = Math.max(3, (Math.sqrt(d) / Math.sqrt(histogram.max)) * (height - 24));
        ctx.fillStyle = '#c01d1d';
        ctx.fillRect(b * bw, height - dh, Math.max(1.5, bw), dh);
      }
    }
    // Network changes: orange ticks.
    ctx.strokeStyle = '#b35c00';
    ctx.lineWidth = 2;
    ctx.beginPath();
    for (const f of index.faults) {
      if (f.idx < 0) continue;
      ctx.moveTo(x(f.t), 18);
      ctx.lineTo(x(f.t), height);
    }
    ctx.stroke();
  }, [width, duration, index, histogram, partitions, t]);

  useEffect(() => {
    let raf = 0;
    let lastX = Number.NaN;
    const frame = () => {
      if (pending.current !== null) {
        player.scrub(pending.current);
        pending.current = null;
      }
      const px = Math.round((player.t / duration) * width);
      if (px !== lastX && headRef.current) {
        lastX = px;
        headRef.current.style.transform = `translateX(${px - 1}px)`;
      }
      raf = requestAnimationFrame(frame);
    };
    raf = requestAnimationFrame(frame);
    return () => cancelAnimationFrame(raf);
  }, [width, duration, player]);

  const round = index.roundAt(player.t);
  const valueText = round
    ? t('replay.timeline.valueRound', { at: formatClock(player.t), of: formatClock(duration), round: round.index })
    : t('replay.timeline.value', { at: formatClock(player.t), of: formatClock(duration) });
  return (
    <div ref={wrapRef} className="strip">
      {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: a canvas without tabIndex takes no focus; the slider below says what it shows */}
      <canvas ref={canvasRef} style={{ width, height, display: 'block' }} aria-hidden="true" />
      <div ref={headRef} className="strip-head" style={{ height }} aria-hidden="true" />
      <input
        type="range"
        className="strip-input"
        min={0}
        max={Math.ceil(duration)}
        step={10}
        value={Math.round(player.t)}
        aria-label={t('replay.timeline.scrubber')}
        aria-valuetext={valueText}
        data-testid="scrubber"
        onChange={(e) => {
          // Seeks are folded into the next frame: dragging never queues more than one.
          pending.current = Number(e.target.value);
        }}
        onKeyDown={(e) => {
          const by: Record<string, number> = {
            ArrowLeft: -1_000,
            ArrowRight: 1_000,
            ArrowDown: -1_000,
            ArrowUp: 1_000,
            PageDown: -10_000,
            PageUp: 10_000,
          };
          if (e.key === 'Home' || e.key === 'End') {
            e.preventDefault();
            player.seek(e.key === 'Home' ? 0 : duration);
          } else {
            const step = by[e.key];
            if (step === undefined) return;
            e.preventDefault();
            e.stopPropagation();
            player.seek(player.t + step * (e.shiftKey ? 10 : 1));
          }
        }}
      />
      <div className="strip-key muted" aria-hidden="true">
        <span>▬ {t('replay.strip.rounds')}</span> <span style={{ color: '#a01818' }}>▨ {t('replay.strip.partitioned')}</span>{' '}
        <span style={{ color: '#8a4500' }}>| {t('replay.strip.change')}</span> <span>▮ {t('replay.strip.messages')}</span>{' '}
        <span style={{ color: '#a01818' }}>▮ {t('replay.strip.dropped')}</span>
      </div>
    </div>
  );
}
