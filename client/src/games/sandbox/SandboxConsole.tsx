import type { SandboxConsoleView, SandboxResult } from '../../../../shared/games/sandbox/config';
import { useT } from '../../i18n/I18nProvider';
import type { ConsoleGameProps, ResultProps } from '../types';

export function SandboxConsole({ view, snapshot }: ConsoleGameProps<SandboxConsoleView>) {
  const t = useT();
  const names = new Map(snapshot.nodes.map((n) => [n.id, n.nickname]));
  const rows = Object.entries(view.perNode).sort((a, b) => b[1].received - a[1].received);
  return (
    <div className="stack" data-testid="sandbox-console">
      <p className="muted">{t('sandbox.console.intro')}</p>
      <table className="results">
        <thead>
          <tr>
            <th>{t('sandbox.console.node')}</th>
            <th>{t('sandbox.console.sent')}</th>
            <th>{t('sandbox.console.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.slice(0, 40).map(([id, c]) => (
            <tr key={id}>
              <td>{names.get(id) ?? id}</td>
              <td>{c.sent}</td>
              <td>{c.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The round's message figures (the console at round end, the replay). */
export function SandboxResultView({ result: r }: ResultProps<SandboxResult>) {
  const t = useT();
  if (r?.game !== 'sandbox') return null;
  return (
    <table className="results" data-testid="sandbox-result">
      <tbody>
        <tr>
          <th scope="row">{t('sandbox.result.nodes')}</th>
          <td>{t.number(r.nodes)}</td>
        </tr>
        <tr>
          <th scope="row">{t('sandbox.console.sent')}</th>
          <td>{t.number(r.sent)}</td>
        </tr>
        <tr>
          <th scope="row">{t('sandbox.result.delivered')}</th>
          <td>{t.number(r.delivered)}</td>
        </tr>
        <tr>
          <th scope="row">{t('sandbox.result.duplicated')}</th>
          <td>{t.number(r.duplicated)}</td>
        </tr>
        <tr>
          <th scope="row">{t('sandbox.result.dropped')}</th>
          <td>{t('sandbox.result.droppedHow', { partition: r.dropped.partition, loss: r.dropped.loss, crashed: r.dropped.crashed })}</td>
        </tr>
      </tbody>
    </table>
  );
}
