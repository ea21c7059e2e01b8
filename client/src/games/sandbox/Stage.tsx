// The sandbox on the projector stage: how many messages were sent and received, the busiest
// inboxes. The texts themselves are private to their two nodes and never reach the stage.

import type { SandboxConsoleView } from '../../../../shared/games/sandbox/config';
import { useT } from '../../i18n/I18nProvider';
import type { StageGameProps } from '../types';

const TOP = 5;

export function SandboxStage({ view, snapshot }: StageGameProps<SandboxConsoleView>) {
  const t = useT();
  if (view?.game !== 'sandbox') return null;
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const rows = Object.entries(view.perNode);
  const sent = rows.reduce((a, [, c]) => a + c.sent, 0);
  const received = rows.reduce((a, [, c]) => a + c.received, 0);
  const busiest = rows
    .filter(([, c]) => c.received > 0)
    .sort((a, b) => b[1].received - a[1].received)
    .slice(0, TOP);
  return (
    <div className="stack" style={{ gap: '0.5em' }} data-testid="stage-sandbox">
      <p>{t('stage.sandbox.intro')}</p>
      <div className="stage-row">
        <div className="stage-big">
          <span>{t('stage.sandbox.sent')}</span>
          <b>{t.number(sent)}</b>
        </div>
        <div className="stage-big">
          <span>{t('stage.sandbox.received')}</span>
          <b>{t.number(received)}</b>
        </div>
      </div>
      {busiest.length > 0 && (
        <section>
          <h3>{t('stage.sandbox.most')}</h3>
          <ul className="stage-list">
            {busiest.map(([id, c]) => (
              <li key={id}>{t('stage.sandbox.row', { name: names.get(id) ?? id, count: c.received })}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
