import { gameName, wordReason } from '../i18n/words';
import type { ConsoleSnapshot } from '../../../shared/protocol/views';
import { GAME_UIS } from '../games';
import { formatTime } from './NetworkPanel';
import { useT } from '../i18n/I18nProvider';

/**
 * This round's message figures, the last round's analysis when it ends, and every round of
 * the session in one table (kept live; the recording holds the same results).
 */
export function Results({ snapshot }: { snapshot: ConsoleSnapshot }) {
  const t = useT();
  const figures = snapshot.round?.net ?? snapshot.net;
  const last = snapshot.rounds.at(-1);
  const lastUi = last ? GAME_UIS[last.game] : undefined;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const nameOf = (id: string) => names.get(id) ?? id;
  return (
    <section className="panel stack" aria-labelledby="results-title">
      <h2 id="results-title">{snapshot.round ? t('console.results.round') : t('console.results.session')}</h2>
      <div className="row">
        <span className="stat">
          <b>{t.number(figures.sent)}</b>
          {t('console.results.sent')}
        </span>
        <span className="stat">
          <b>{t.number(figures.delivered)}</b>
          {t('console.results.delivered')}
        </span>
        <span className="stat">
          <b>{t.number(figures.dropped.partition)}</b>
          {t('console.results.partition')}
        </span>
        <span className="stat">
          <b>{t.number(figures.dropped.loss)}</b>
          {t('console.results.loss')}
        </span>
        <span className="stat">
          <b>{t.number(figures.dropped.crashed)}</b>
          {t('console.results.crashed')}
        </span>
        <span className="stat">
          <b>{t.number(figures.duplicated)}</b>
          {t('console.results.duplicated')}
        </span>
      </div>
      {!snapshot.round && last && lastUi?.Result && (
        <div className="stack" data-testid="round-result">
          <h3>{t('console.results.roundResult', { index: last.index })}</h3>
          <lastUi.Result result={last.result} names={names} rounds={snapshot.rounds} />
        </div>
      )}
      {snapshot.rounds.length > 0 && (
        <table className="results" data-testid="results-table">
          <thead>
            <tr>
              <th>{t('console.results.index')}</th>
              <th>{t('console.results.game')}</th>
              <th>{t('console.results.nodes')}</th>
              <th>{t('console.results.length')}</th>
              <th>{t('console.results.result')}</th>
              <th>{t('console.results.reason')}</th>
            </tr>
          </thead>
          <tbody>
            {snapshot.rounds.map((r) => (
              <tr key={r.index}>
                <td>{r.index}</td>
                <td>{gameName(t, r.game)}</td>
                <td>{r.nodes}</td>
                <td>{formatTime(r.endedAt - r.startedAt)}</td>
                <td>{GAME_UIS[r.game]?.summary?.(r.result, t, nameOf) ?? t('common.dash')}</td>
                <td>{wordReason(t, r.reason)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
