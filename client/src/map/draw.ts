// Drawing the network map on a canvas, once per animation frame. Nothing here touches React:
// the component hands over the latest nodes, faults and traffic, and this paints them.

import type { Faults } from '../../../shared/net/faults';
import type { DropReason } from '../../../shared/net/network';
import type { Layout } from './layout';
import { MARK_MS, progress, type Flight } from './traffic';
import type { Translator } from '../i18n/translate';

export interface MapNode {
  id: string;
  /** Name under the node (nickname, or the game's name for it such as a card). */
  label: string;
  /** A few characters inside the circle (a card, a role letter). */
  short?: string;
  /** The colour of `short` (a red suit); dark ink otherwise. */
  ink?: string;
  group: string;
  crashed: boolean;
  /** A phone that lost its connection (not a fault the instructor made). */
  offline: boolean;
  bot: boolean;
  /** The game's colour for the node (its role); a neutral colour otherwise. */
  fill?: string;
  /** A word beside the node ("leader", "traitor"): never colour alone. */
  badge?: string;
  /** Draw attention (a stale leader). */
  alert?: boolean;
}

export interface KindStyle {
  color: string;
  label: string;
}

/** Each drop reason's colour (its shape and its word say the same: `dropWord`). */
export const DROP_STYLE: Record<DropReason, { color: string }> = {
  partition: { color: '#c01d1d' },
  loss: { color: '#b35c00' },
  crashed: { color: '#5b2a86' },
};

/** The words the map draws, in the reader's language (`mapWords(t)`). */
export interface MapWords {
  group(group: string, count: number): string;
  link(a: string, b: string, both: boolean): string;
  loss(rate: number): string;
  copy: string;
  drop: Record<DropReason, string>;
  crashed: string;
  offline: string;
  bot: string;
}

/** The map's words from the catalogue (map area). */
export function mapWords(t: Translator): MapWords {
  return {
    group: (group, count) => t('map.group', { group, count }),
    link: (a, b, both) => (both ? t('map.link.both', { a, b }) : t('map.link.oneWay', { a, b })),
    loss: (rate) => t('map.loss', { rate }),
    copy: t('map.copy'),
    drop: { partition: t('map.drop.partition'), loss: t('map.drop.loss'), crashed: t('map.drop.crashed') },
    crashed: t('map.tag.crashed'),
    offline: t('map.tag.offline'),
    bot: t('map.tag.bot'),
  };
}

const GROUP_TINTS: Palette = ['#eef3ff', '#fff4e6', '#eaf7ee', '#fbeef7', '#eef9fb', '#f7f5e8'];

type Palette = readonly [string, ...string[]];

/** The i-th colour of a palette, round and round. */
function nth(palette: Palette, i: number): string {
  return palette[i % palette.length] ?? palette[0];
}
const INK = '#101828';

export interface DrawInput {
  ctx: CanvasRenderingContext2D;
  width: number;
  height: number;
  layout: Layout;
  /** Where each node is drawn this frame (eased towards the layout). */
  at: Map<string, { x: number; y: number }>;
  nodes: MapNode[];
  faults: Faults;
  flights: Flight[];
  now: number;
  kindStyle(kind: string, body: unknown): KindStyle;
  selected: ReadonlySet<string>;
  /** Draw every link (small rooms), so an edge can be clicked for per-link loss. */
  mesh: boolean;
  box: { x0: number; y0: number; x1: number; y1: number } | null;
  /** Larger type for the projector. */
  scale: number;
  words: MapWords;
}

export function drawMap(d: DrawInput): void {
  const { ctx, width, height } = d;
  ctx.clearRect(0, 0, width, height);
  drawRegions(d);
  if (d.mesh) drawMesh(d);
  drawOpenLinks(d);
  drawFlights(d);
  drawNodes(d);
  if (d.box) {
    const { x0, y0, x1, y1 } = d.box;
    ctx.save();
    ctx.strokeStyle = '#1f4fbf';
    ctx.setLineDash([6, 4]);
    ctx.lineWidth = 2;
    ctx.fillStyle = 'rgba(31,79,191,0.08)';
    ctx.fillRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    ctx.strokeRect(Math.min(x0, x1), Math.min(y0, y1), Math.abs(x1 - x0), Math.abs(y1 - y0));
    ctx.restore();
  }
}

function drawRegions(d: DrawInput): void {
  const { ctx, layout } = d;
  const partitioned = layout.regions.length > 1;
  layout.regions.forEach((r, i) => {
    ctx.save();
    ctx.fillStyle = partitioned ? nth(GROUP_TINTS, i) : '#f6f7fb';
    roundRect(ctx, r.x + 2, r.y + 2, r.w - 4, r.h - 4, 18);
    ctx.fill();
    if (partitioned) {
      ctx.strokeStyle = '#5b6475';
      ctx.setLineDash([10, 6]);
      ctx.lineWidth = 2;
      ctx.stroke();
      ctx.setLineDash([]);
      ctx.fillStyle = INK;
      ctx.font = `700 ${Math.round(16 * d.scale)}px system-ui, sans-serif`;
      ctx.fillText(d.words.group(r.group, r.count), r.x + 14, r.y + 24 * d.scale);
    }
    ctx.restore();
  });
}

/** One-way and bridge links between groups, as arrows. Closed pairs have none: that is the cut. */
function drawOpenLinks(d: DrawInput): void {
  const { ctx, layout } = d;
  if (layout.regions.length < 2) return;
  const centre = new Map(layout.regions.map((r) => [r.group, { x: r.x + r.w / 2, y: r.y + r.h / 2 }]));
  const open = new Set(d.faults.partition.open);
  ctx.save();
  ctx.lineWidth = 3;
  ctx.font = `600 ${Math.round(13 * d.scale)}px system-ui, sans-serif`;
  for (const key of open) {
    const [a = '', b = ''] = key.split('>');
    const pa = centre.get(a);
    const pb = centre.get(b);
    if (!pa || !pb) continue;
    const both = open.has(`${b}>${a}`);
    if (both && a > b) continue;
    ctx.strokeStyle = '#1f4fbf';
    ctx.setLineDash(both ? [] : [8, 6]);
    ctx.beginPath();
    ctx.moveTo(pa.x, pa.y);
    ctx.lineTo(pb.x, pb.y);
    ctx.stroke();
    arrowHead(ctx, pa, pb, '#1f4fbf');
    if (both) arrowHead(ctx, pb, pa, '#1f4fbf');
    ctx.fillStyle = '#14306e';
    ctx.fillText(d.words.link(a, b, both), (pa.x + pb.x) / 2 + 6, (pa.y + pb.y) / 2 - 6);
  }
  ctx.restore();
}

function drawMesh(d: DrawInput): void {
  const { ctx } = d;
  ctx.save();
  ctx.lineWidth = 1;
  const placed = d.nodes.flatMap((n) => {
    const at = d.at.get(n.id);
    return at ? [{ id: n.id, at }] : [];
  });
  for (const [i, from] of placed.entries()) {
    for (const to of placed.slice(i + 1)) {
      const a = from.at;
      const b = to.at;
      const loss = Math.max(d.faults.linkLoss[`${from.id}>${to.id}`] ?? 0, d.faults.linkLoss[`${to.id}>${from.id}`] ?? 0);
      ctx.strokeStyle = loss > 0 ? '#b35c00' : 'rgba(16,24,40,0.10)';
      ctx.lineWidth = loss > 0 ? 3 : 1;
      ctx.setLineDash(loss > 0 ? [6, 5] : []);
      ctx.beginPath();
      ctx.moveTo(a.x, a.y);
      ctx.lineTo(b.x, b.y);
      ctx.stroke();
      if (loss > 0) {
        ctx.fillStyle = '#7a3e00';
        ctx.font = `700 ${Math.round(13 * d.scale)}px system-ui, sans-serif`;
        ctx.fillText(d.words.loss(loss), (a.x + b.x) / 2 + 4, (a.y + b.y) / 2 - 4);
      }
    }
  }
  ctx.restore();
}

/** Drop marks that get their reason written out per frame; beyond that the shape says it. */
const MAX_DROP_LABELS = 12;

function drawFlights(d: DrawInput): void {
  const { ctx, now } = d;
  const labelled = d.flights.length <= 40;
  let dropLabels = 0;
  ctx.save();
  ctx.font = `600 ${Math.round(12 * d.scale)}px system-ui, sans-serif`;
  for (const f of d.flights) {
    const a = d.at.get(f.from);
    const b = d.at.get(f.to);
    if (!a || !b) continue;
    const { t, moving } = progress(f, now);
    // Bend the path a little to one side, so A→B and B→A do not overlap.
    const mx = (a.x + b.x) / 2 - (b.y - a.y) * 0.08;
    const my = (a.y + b.y) / 2 + (b.x - a.x) * 0.08;
    const x = (1 - t) * (1 - t) * a.x + 2 * (1 - t) * t * mx + t * t * b.x;
    const y = (1 - t) * (1 - t) * a.y + 2 * (1 - t) * t * my + t * t * b.y;
    const style = d.kindStyle(f.kind, f.body);
    if (f.drop && now >= f.drop.at) {
      const age = now - f.drop.at;
      ctx.globalAlpha = Math.max(0.15, 1 - age / MARK_MS);
      const text = (labelled || age < 600) && dropLabels < MAX_DROP_LABELS;
      if (text) dropLabels++;
      dropMark(ctx, x, y, f.drop.reason, d.scale, text ? d.words.drop[f.drop.reason] : null);
      ctx.globalAlpha = 1;
      continue;
    }
    if (!moving) {
      // Just arrived: a short ring at the receiver.
      const age = now - f.arriveAt;
      if (age < 400) {
        ctx.strokeStyle = style.color;
        ctx.globalAlpha = 1 - age / 400;
        ctx.lineWidth = 2;
        ctx.beginPath();
        ctx.arc(b.x, b.y, d.layout.radius + 4 + age / 40, 0, Math.PI * 2);
        ctx.stroke();
        ctx.globalAlpha = 1;
      }
      continue;
    }
    ctx.strokeStyle = style.color;
    ctx.globalAlpha = 0.35;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    ctx.moveTo(a.x, a.y);
    ctx.quadraticCurveTo(mx, my, b.x, b.y);
    ctx.stroke();
    ctx.globalAlpha = 1;
    ctx.fillStyle = style.color;
    ctx.beginPath();
    const r = Math.max(4, 6 * d.scale);
    if (f.duplicate) {
      // A duplicate is a hollow diamond.
      ctx.moveTo(x, y - r - 1);
      ctx.lineTo(x + r + 1, y);
      ctx.lineTo(x, y + r + 1);
      ctx.lineTo(x - r - 1, y);
      ctx.closePath();
      ctx.lineWidth = 2.5;
      ctx.strokeStyle = style.color;
      ctx.stroke();
    } else {
      ctx.arc(x, y, r, 0, Math.PI * 2);
      ctx.fill();
    }
    if (labelled) {
      ctx.fillStyle = INK;
      ctx.fillText(`${style.label}${f.duplicate ? ` ${d.words.copy}` : ''}${f.overtook ? ' ↯' : ''}`, x + r + 3, y - r);
    }
  }
  ctx.restore();
}

function dropMark(ctx: CanvasRenderingContext2D, x: number, y: number, reason: DropReason, scale: number, text: string | null): void {
  const s = DROP_STYLE[reason];
  const r = 7 * scale;
  ctx.save();
  ctx.strokeStyle = s.color;
  ctx.fillStyle = s.color;
  ctx.lineWidth = 3;
  ctx.beginPath();
  if (reason === 'partition') {
    // A cross: the wire is cut.
    ctx.moveTo(x - r, y - r);
    ctx.lineTo(x + r, y + r);
    ctx.moveTo(x + r, y - r);
    ctx.lineTo(x - r, y + r);
    ctx.stroke();
  } else if (reason === 'loss') {
    // A hollow circle: it vanished.
    ctx.arc(x, y, r, 0, Math.PI * 2);
    ctx.stroke();
  } else {
    // A filled square: it hit a dead node.
    ctx.fillRect(x - r * 0.8, y - r * 0.8, r * 1.6, r * 1.6);
  }
  if (text) {
    ctx.font = `700 ${Math.round(12 * scale)}px system-ui, sans-serif`;
    ctx.fillText(text, x + r + 3, y + 4);
  }
  ctx.restore();
}

function drawNodes(d: DrawInput): void {
  const { ctx } = d;
  const r = d.layout.radius;
  const showLabels = d.nodes.length <= 80;
  ctx.save();
  ctx.textAlign = 'center';
  for (const n of d.nodes) {
    const p = d.at.get(n.id);
    if (!p) continue;
    const selected = d.selected.has(n.id);
    ctx.beginPath();
    ctx.arc(p.x, p.y, r, 0, Math.PI * 2);
    ctx.fillStyle = n.crashed ? '#9aa1ad' : (n.fill ?? '#dfe6f5');
    ctx.fill();
    ctx.lineWidth = selected ? 4 : 2;
    ctx.strokeStyle = selected ? '#1f4fbf' : n.alert ? '#c01d1d' : '#344054';
    if (n.offline) ctx.setLineDash([4, 3]);
    ctx.stroke();
    ctx.setLineDash([]);
    if (n.alert) {
      ctx.strokeStyle = '#c01d1d';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.arc(p.x, p.y, r + 6, 0, Math.PI * 2);
      ctx.stroke();
    }
    if (n.crashed) {
      ctx.strokeStyle = '#101828';
      ctx.lineWidth = 3;
      ctx.beginPath();
      ctx.moveTo(p.x - r * 0.6, p.y - r * 0.6);
      ctx.lineTo(p.x + r * 0.6, p.y + r * 0.6);
      ctx.moveTo(p.x + r * 0.6, p.y - r * 0.6);
      ctx.lineTo(p.x - r * 0.6, p.y + r * 0.6);
      ctx.stroke();
    } else if (n.short && r >= 9) {
      ctx.fillStyle = n.ink ?? INK;
      ctx.font = `800 ${Math.round(Math.min(r * 0.9, 22 * d.scale))}px system-ui, sans-serif`;
      ctx.fillText(n.short, p.x, p.y + r * 0.32);
    }
    if (showLabels || selected) {
      const tags = [n.crashed ? d.words.crashed : '', n.offline ? d.words.offline : '', n.bot ? d.words.bot : '', n.badge ?? ''].filter(
        Boolean,
      );
      ctx.fillStyle = INK;
      ctx.font = `700 ${Math.round(14 * d.scale)}px system-ui, sans-serif`;
      ctx.fillText(truncate(n.label, 14), p.x, p.y + r + 16 * d.scale);
      if (tags.length) {
        ctx.font = `600 ${Math.round(12 * d.scale)}px system-ui, sans-serif`;
        ctx.fillStyle = n.alert ? '#a01818' : '#3b4558';
        ctx.fillText(tags.join(' · '), p.x, p.y + r + 30 * d.scale);
      }
    }
  }
  ctx.restore();
}

function truncate(s: string, n: number): string {
  return [...s].length > n ? `${[...s].slice(0, n - 1).join('')}…` : s;
}

function arrowHead(ctx: CanvasRenderingContext2D, from: { x: number; y: number }, to: { x: number; y: number }, color: string): void {
  const angle = Math.atan2(to.y - from.y, to.x - from.x);
  const x = from.x + (to.x - from.x) * 0.62;
  const y = from.y + (to.y - from.y) * 0.62;
  ctx.save();
  ctx.fillStyle = color;
  ctx.beginPath();
  ctx.moveTo(x + 12 * Math.cos(angle), y + 12 * Math.sin(angle));
  ctx.lineTo(x + 12 * Math.cos(angle + 2.5), y + 12 * Math.sin(angle + 2.5));
  ctx.lineTo(x + 12 * Math.cos(angle - 2.5), y + 12 * Math.sin(angle - 2.5));
  ctx.closePath();
  ctx.fill();
  ctx.restore();
}

function roundRect(ctx: CanvasRenderingContext2D, x: number, y: number, w: number, h: number, r: number): void {
  ctx.beginPath();
  ctx.moveTo(x + r, y);
  ctx.arcTo(x + w, y, x + w, y + h, r);
  ctx.arcTo(x + w, y + h, x, y + h, r);
  ctx.arcTo(x, y + h, x, y, r);
  ctx.arcTo(x, y, x + w, y, r);
  ctx.closePath();
}

/** A stable colour and a short label for message kinds a game did not style. */
export function defaultKindStyle(kind: string): KindStyle {
  const palette: Palette = ['#1f4fbf', '#b35c00', '#146c2e', '#8a1c7c', '#0b7285', '#5f3dc4', '#a61e4d'];
  let h = 0;
  for (const ch of kind) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  const name = kind.includes(':') ? kind.slice(kind.indexOf(':') + 1) : kind;
  return { color: nth(palette, h), label: name.replace(/-/g, ' ') };
}
