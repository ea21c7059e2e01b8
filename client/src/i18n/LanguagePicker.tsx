// The two language controls: a reader's own (phone, replay; kept on the device) and the room's
// (on the console: every phone, the console and the stage then speak it).

import { isLanguage, LANGUAGES, type Language } from '../../../shared/protocol/languages';
import { useT } from './I18nProvider';
import { setOwnLanguage, useOwnLanguage } from './language';

function Options() {
  const t = useT();
  return LANGUAGES.map((l) => (
    <option key={l} value={l} lang={l}>
      {t(`common.language.${l}`)}
    </option>
  ));
}

/** This device's own language (empty: automatic, i.e. the room's or the browser's). */
export function LanguagePicker({ className }: { className?: string }) {
  const t = useT();
  const own = useOwnLanguage();
  return (
    <label className={className ?? 'language-picker'}>
      <span className="sr-only">{t('common.language')}</span>
      <select value={own ?? ''} onChange={(e) => setOwnLanguage(isLanguage(e.target.value) ? e.target.value : null)}>
        <option value="">{t('common.language.auto')}</option>
        <Options />
      </select>
    </label>
  );
}

/** The room's language, chosen by the instructor (empty: each screen follows its browser). */
export function RoomLanguageControl({
  value,
  onChange,
  disabled,
}: {
  value: Language | null;
  onChange: (l: Language | null) => void;
  disabled?: boolean;
}) {
  const t = useT();
  return (
    <label className="language-picker">
      <span>{t('common.language.roomControl')}</span>
      <select value={value ?? ''} disabled={disabled} onChange={(e) => onChange(isLanguage(e.target.value) ? e.target.value : null)}>
        <option value="">{t('common.language.eachBrowser')}</option>
        <Options />
      </select>
    </label>
  );
}
