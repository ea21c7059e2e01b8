import { useT } from '../i18n/I18nProvider';
import { DROP_STYLE } from './draw';

/** What the map's marks mean, in words beside each shape (colour is never the only signal). */
export function MapLegend({ live = false }: { live?: boolean }) {
  const t = useT();
  return (
    <div className="legend" role="note" aria-label={t('map.legend.label')}>
      <span>● {t('map.legend.message')}</span>
      <span>◇ {t('map.legend.duplicate')}</span>
      <span>↯ {t('map.legend.overtook')}</span>
      <span style={{ color: DROP_STYLE.partition.color }}>✕ {t('map.drop.partition')}</span>
      <span style={{ color: DROP_STYLE.loss.color }}>○ {t('map.drop.loss')}</span>
      <span style={{ color: DROP_STYLE.crashed.color }}>■ {t('map.drop.crashed')}</span>
      {live && <span>- - - {t('map.legend.offline')}</span>}
    </div>
  );
}
