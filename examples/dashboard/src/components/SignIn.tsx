import { useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError } from '../api';
import { useAuth } from '../auth';
import { useView } from '../hooks';
import { useI18n } from '../i18n';

/** Who is signed in, or the sign-in form (a pasted token); signing in opens the officer's unit. */
export function SignIn() {
  const { t, serverMessage } = useI18n();
  const { officer, signIn, signOut } = useAuth();
  const { unitHref, homeHref } = useView();
  const [, navigate] = useLocation();
  const [open, setOpen] = useState(false);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (officer)
    return (
      <div className="session" data-testid="session">
        <span className="session-who">
          <strong>{t(`role_${officer.role}`)}</strong>
          {officer.unitName ? <span> · {officer.unitName}</span> : null}
        </span>
        <button
          type="button"
          className="button button-ghost"
          onClick={() => {
            signOut();
            navigate(homeHref());
          }}
        >
          {t('signOut')}
        </button>
      </div>
    );

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const who = await signIn(token);
      setOpen(false);
      setToken('');
      navigate(who.unitCode ? unitHref(who.unitCode) : homeHref());
    } catch (err) {
      const code = err instanceof ApiError ? err.code : '';
      setError(
        code === 'TOKEN_EMPTY' ? t('tokenEmpty') : code === 'TOKEN_MALFORMED' ? t('tokenMalformed') : serverMessage((err as Error).message),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="session">
      <span className="session-who muted">{t('publicView')}</span>
      <button type="button" className="button button-ghost" aria-expanded={open} onClick={() => setOpen(!open)}>
        {t('signIn')}
      </button>
      {open ? (
        <form className="sign-in card" onSubmit={(e) => void submit(e)} aria-label={t('signInTitle')}>
          <h2>{t('signInTitle')}</h2>
          <label className="field">
            <span className="field-label">{t('tokenLabel')}</span>
            <textarea
              name="token"
              rows={4}
              value={token}
              spellCheck={false}
              onChange={(e) => setToken(e.target.value)}
              aria-invalid={error !== null}
            />
          </label>
          <p className="muted small">{t('tokenHelp')}</p>
          {error ? (
            <p className="field-error" role="alert">
              {error}
            </p>
          ) : null}
          <div className="actions">
            <button type="submit" className="button" disabled={busy}>
              {busy ? t('loading') : t('signIn')}
            </button>
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('cancel')}
            </button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
