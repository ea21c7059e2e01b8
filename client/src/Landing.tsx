import { useState, type FormEvent } from 'react';
import { normaliseRoomCode } from '../../shared/protocol/codes';
import { useT } from './i18n/I18nProvider';
import { LanguagePicker } from './i18n/LanguagePicker';
import { APP_NAME, useTitle } from './useTitle';

/** A room code as the projector shows it, for the examples (data: the same in every language). */
const EXAMPLE_CODE = 'K7QX3';

export function Landing() {
  const t = useT();
  useTitle(APP_NAME);
  const [code, setCode] = useState('');
  const [bad, setBad] = useState(false);
  const join = (e: FormEvent) => {
    e.preventDefault();
    const normal = normaliseRoomCode(code);
    if (!normal) return setBad(true);
    window.location.assign(`/join/${normal}`);
  };
  return (
    <main className="landing">
      <section className="hero">
        <div className="row">
          <h1 translate="no">{APP_NAME}</h1>
          <span className="spacer" />
          <LanguagePicker />
        </div>
        <p>{t('landing.pitch')}</p>
      </section>
      <div className="choices">
        <form className="panel stack" onSubmit={join}>
          <h2>{t('landing.join.title')}</h2>
          <label htmlFor="landing-code">{t('landing.join.label')}</label>
          <input
            id="landing-code"
            className="code-input"
            value={code}
            onChange={(e) => {
              setCode(e.target.value);
              setBad(false);
            }}
            autoComplete="off"
            autoCapitalize="characters"
            maxLength={8}
            placeholder={EXAMPLE_CODE}
          />
          {bad && (
            <div className="error" role="alert">
              {t('landing.join.bad', { example: EXAMPLE_CODE })}
            </div>
          )}
          <button className="big" type="submit">
            {t('landing.join.submit')}
          </button>
        </form>
        <div className="panel stack">
          <h2>{t('landing.host.title')}</h2>
          <p className="muted">{t('landing.host.text')}</p>
          <a className="button big" href="/console">
            {t('landing.host.go')}
          </a>
        </div>
      </div>
    </main>
  );
}
