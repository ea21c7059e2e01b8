import { DROP_STYLE } from './draw';

/** What the map's marks mean, in words beside each shape (colour is never the only signal). */
export function MapLegend({ live = false }: { live?: boolean }) {
  return (
    <div className="legend" role="note" aria-label="Map legend">
      <span>● message</span>
      <span>◇ duplicate</span>
      <span>↯ overtook</span>
      <span style={{ color: DROP_STYLE.partition.color }}>✕ partition</span>
      <span style={{ color: DROP_STYLE.loss.color }}>○ lost</span>
      <span style={{ color: DROP_STYLE.crashed.color }}>■ crashed</span>
      {live && <span>- - - offline phone</span>}
    </div>
  );
}
