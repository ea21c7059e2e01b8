// The infection curve, drawn as SVG (no chart library): how many nodes know after each round,
// live, beside the push-gossip theory (the mean-field curve and the formula's round) and the
// mean of a bots-only simulation of the same settings. Lines differ by dash pattern and width
// as well as colour, and the legend says each in words, for a projector read from the back.

import type { ReactNode } from 'react';
import { useT } from '../../i18n/I18nProvider';
import type { GossipMode } from '../../../../shared/games/gossip/config';
import type { SimCurve } from './curveTypes';

const W = 880;
const H = 400;
const M = { l: 86, r: 28, t: 28, b: 74 };

export const LINE = {
  live: { color: '#1f4fbf', width: 5, dash: undefined },
  sim: { color: '#b35c00', width: 4, dash: '1 9' },
  theory: { color: '#344054', width: 3, dash: '14 8' },
  formula: { color: '#8a1c7c', width: 3, dash: '5 5' },
} as const;

interface Props {
  /** Informed count per round, index 0 the start (the last entry may be the round in progress). */
  live: number[];
  nodes: number;
  theory: { rounds: number; curve: number[] };
  sim: SimCurve | null;
  /** The simulation is still running (say so instead of leaving the line out silently). */
  simPending?: boolean;
  /** The round in progress (its point is drawn hollow: it can still grow); null once over. */
  liveRound: number | null;
  mode: GossipMode;
  fanout: number;
  /** Shorter chart (the result view). */
  compact?: boolean;
}

export function InfectionCurve({ live, nodes, theory, sim, simPending, liveRound, mode, fanout, compact }: Props) {
  const t = useT();
  const h = compact ? 340 : H;
  const n = Math.max(1, nodes);
  const simDone = sim ? doneAt(sim.mean, n) : 0;
  const theoryDone = doneAt(theory.curve, n);
  const xMax = Math.max(4, live.length - 1, Math.ceil(theory.rounds) + 1, Math.min(simDone, theoryDone * 3 + 4));
  const x = (r: number) => M.l + (r / xMax) * (W - M.l - M.r);
  const y = (v: number) => h - M.b - (v / n) * (h - M.t - M.b);
  const xTicks = ticks(xMax, 12);
  // Every node count the axis names, and N itself (dropping a tick too close to N to read).
  const yTicks = ticks(n, 5).filter((v) => v === n || n - v > n * 0.12);
  if (yTicks.at(-1) !== n) yTicks.push(n);
  const path = (pts: number[]) =>
    pts
      .slice(0, xMax + 1)
      .map((v, i) => `${i === 0 ? 'M' : 'L'}${x(i).toFixed(1)},${y(v).toFixed(1)}`)
      .join(' ');
  const last = live.length - 1;
  const lastValue = live[last] ?? 0;
  const push = mode === 'push';
  const one = (x: number) => Math.round(x * 10) / 10;
  const label = [
    liveRound !== null
      ? t('gossip.curve.labelNow', { know: lastValue, nodes, round: liveRound })
      : t('gossip.curve.labelAfter', { know: lastValue, nodes, round: last }),
    t('gossip.curve.labelTheory', { rounds: one(theory.rounds) }),
    sim?.meanRounds != null ? t('gossip.curve.labelSim', { rounds: one(sim.meanRounds) }) : '',
  ]
    .filter(Boolean)
    .join(' ');

  return (
    <figure className="go-curve" data-testid="infection-curve">
      <svg viewBox={`0 0 ${W} ${h}`} role="img" aria-label={label} preserveAspectRatio="xMidYMid meet">
        <rect x={M.l} y={M.t} width={W - M.l - M.r} height={h - M.t - M.b} fill="#fbfcfe" stroke="#9aa1ad" />
        {yTicks.map((v) => (
          <g key={`y${v}`}>
            <line x1={M.l} x2={W - M.r} y1={y(v)} y2={y(v)} stroke={v === n ? '#667085' : '#e4e7ee'} strokeWidth={v === n ? 2 : 1} />
            <text x={M.l - 10} y={y(v) + 8} textAnchor="end" className="go-tick">
              {t.number(v)}
            </text>
          </g>
        ))}
        {xTicks.map((r) => (
          <g key={`x${r}`}>
            <line x1={x(r)} x2={x(r)} y1={M.t} y2={h - M.b} stroke="#eef0f5" />
            <text x={x(r)} y={h - M.b + 30} textAnchor="middle" className="go-tick">
              {t.number(r)}
            </text>
          </g>
        ))}
        <text x={(M.l + W - M.r) / 2} y={h - 8} textAnchor="middle" className="go-axis">
          {t('gossip.curve.axisRound')}
        </text>
        <text transform={`translate(24 ${(M.t + h - M.b) / 2}) rotate(-90)`} textAnchor="middle" className="go-axis">
          {t('gossip.curve.axisNodes')}
        </text>
        <text x={W - M.r - 8} y={y(n) - 8} textAnchor="end" className="go-svg-note">
          {t('gossip.curve.everyone', { nodes })}
        </text>

        {theory.rounds > 0 && theory.rounds <= xMax && (
          <g>
            <line
              x1={x(theory.rounds)}
              x2={x(theory.rounds)}
              y1={M.t}
              y2={h - M.b}
              stroke={LINE.formula.color}
              strokeWidth={LINE.formula.width}
              strokeDasharray={LINE.formula.dash}
            />
            <text x={x(theory.rounds) + 8} y={h - M.b - 12} className="go-svg-note" style={{ fill: LINE.formula.color }}>
              {t('gossip.curve.formulaAt', { rounds: one(theory.rounds) })}
            </text>
          </g>
        )}
        <path
          d={path(theory.curve)}
          fill="none"
          stroke={LINE.theory.color}
          strokeWidth={LINE.theory.width}
          strokeDasharray={LINE.theory.dash}
        />
        {sim && (
          <path
            d={path(sim.mean)}
            fill="none"
            stroke={LINE.sim.color}
            strokeWidth={LINE.sim.width}
            strokeDasharray={LINE.sim.dash}
            strokeLinecap="round"
          />
        )}
        <path d={path(live)} fill="none" stroke={LINE.live.color} strokeWidth={LINE.live.width} strokeLinejoin="round" />
        {live.slice(0, xMax + 1).map((v, i) => {
          const now = liveRound !== null && i === last;
          return (
            <circle
              // biome-ignore lint/suspicious/noArrayIndexKey: one point per round, and its index is the round
              key={i}
              cx={x(i)}
              cy={y(v)}
              r={now ? 9 : 6}
              fill={now ? '#fff' : LINE.live.color}
              stroke={LINE.live.color}
              strokeWidth={now ? 4 : 0}
            />
          );
        })}
        {last >= 0 && last <= xMax && (
          <text
            x={x(last) > W - 200 ? x(last) - 14 : x(last) + 14}
            y={y(lastValue) < M.t + 50 ? y(lastValue) + 36 : y(lastValue) - 14}
            textAnchor={x(last) > W - 200 ? 'end' : 'start'}
            className="go-live-label"
          >
            {liveRound !== null ? t('gossip.curve.now', { count: lastValue }) : t('gossip.curve.knew', { count: lastValue })}
          </text>
        )}
      </svg>
      <figcaption className="go-legend">
        <Key line={LINE.live} dot>
          <b>{t('gossip.curve.thisClass')}</b> {liveRound !== null ? t('gossip.curve.live') : ''}
        </Key>
        <Key line={LINE.sim}>
          {sim
            ? sim.meanRounds !== null
              ? t('gossip.curve.simDone', { trials: sim.trials, rounds: one(sim.meanRounds) })
              : t('gossip.curve.sim', { trials: sim.trials })
            : simPending
              ? t('gossip.curve.simPending')
              : t('gossip.curve.simNone')}
        </Key>
        <Key line={LINE.theory}>{push ? t('gossip.curve.theory') : t('gossip.curve.theoryPush')}</Key>
        <Key line={LINE.formula}>
          {push
            ? t('gossip.curve.formula', { formula: formulaText(fanout), rounds: one(theory.rounds) })
            : t('gossip.curve.formulaPush', { formula: formulaText(fanout), rounds: one(theory.rounds) })}
        </Key>
      </figcaption>
    </figure>
  );
}

function Key({
  line,
  dot,
  children,
}: {
  line: { color: string; width: number; dash: string | undefined };
  dot?: boolean;
  children: ReactNode;
}) {
  return (
    <span className="go-key">
      <svg width="52" height="18" viewBox="0 0 52 18" aria-hidden="true">
        <line
          x1="3"
          x2="49"
          y1="9"
          y2="9"
          stroke={line.color}
          strokeWidth={line.width}
          strokeDasharray={line.dash}
          strokeLinecap={line.dash === LINE.sim.dash ? 'round' : 'butt'}
        />
        {dot && <circle cx="26" cy="9" r="6" fill={line.color} />}
      </svg>
      <span>{children}</span>
    </span>
  );
}

const SUB = '₀₁₂₃₄₅₆₇₈₉';

/** "log₃(N) + ln(N)/2" for fanout 2: the README's formula log_{k+1}(N) + ln(N)/k with k filled in. */
export function formulaText(k: number): string {
  const base = [...String(k + 1)].map((d) => SUB[Number(d)]).join('');
  return `log${base}(N) + ln(N)${k === 1 ? '' : `/${k}`}`;
}

/** The first round a curve is within half a node of everyone (its length if never). */
function doneAt(curve: number[], n: number): number {
  const i = curve.findIndex((v) => v >= n - 0.5);
  return i < 0 ? curve.length - 1 : i;
}

/** Round-number ticks from 0 to max, at most about `most` of them. */
export function ticks(max: number, most: number): number[] {
  const steps = [1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000];
  const step = steps.find((s) => max / s <= most) ?? Math.ceil(max / most);
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}
