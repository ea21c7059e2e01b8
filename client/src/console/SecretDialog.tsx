// Shows a secret that gives instructor rights (a hand-off QR code, the recovery code) on a
// console that may well be on the projector: only after an explicit click, behind a warning to
// check the projector first, and hidden again after a few seconds. A real modal (<dialog>).

import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/I18nProvider';

/** How long a secret stays on screen (ms). */
export const SECRET_SHOWN_MS = 20_000;

export function SecretDialog({
  title,
  warning,
  show,
  onClose,
}: {
  title: string;
  warning: string;
  /** Fetches the secret and draws it; null while it cannot (the error is drawn instead). */
  show(): Promise<ReactNode>;
  onClose(): void;
}) {
  const t = useT();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const [shown, setShown] = useState<ReactNode | null>(null);
  const [left, setLeft] = useState(0);
  const onCloseRef = useRef(onClose);
  onCloseRef.current = onClose;

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    dialog.showModal();
    return () => {
      if (dialog.open) dialog.close();
      before?.focus();
    };
  }, []);

  useEffect(() => {
    if (shown === null) return;
    const until = performance.now() + SECRET_SHOWN_MS;
    setLeft(Math.ceil(SECRET_SHOWN_MS / 1000));
    const id = setInterval(() => {
      const rest = until - performance.now();
      if (rest <= 0) {
        setShown(null);
        clearInterval(id);
      } else setLeft(Math.ceil(rest / 1000));
    }, 250);
    return () => clearInterval(id);
  }, [shown]);

  return (
    <dialog
      ref={dialogRef}
      className="modal panel stack"
      aria-labelledby="secret-title"
      onCancel={(e) => {
        e.preventDefault();
        onCloseRef.current();
      }}
    >
      <h2 id="secret-title" style={{ margin: 0 }}>
        {title}
      </h2>
      {shown === null ? (
        <>
          <p className="notice" role="alert">
            {warning}
          </p>
          <div className="row">
            <button type="button" className="danger" onClick={async () => setShown(await show())}>
              {t('console.secret.show')}
            </button>
            <button type="button" className="secondary" onClick={() => onCloseRef.current()}>
              {t('console.secret.close')}
            </button>
          </div>
        </>
      ) : (
        <>
          <div data-testid="secret-shown">{shown}</div>
          <p className="muted" role="timer">
            {t('console.secret.hiddenIn', { seconds: left })}
          </p>
          <div className="row">
            <button type="button" className="secondary" onClick={() => setShown(null)}>
              {t('console.secret.hide')}
            </button>
            <button type="button" className="secondary" onClick={() => onCloseRef.current()}>
              {t('console.secret.close')}
            </button>
          </div>
        </>
      )}
    </dialog>
  );
}
