import type { ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../api';
import { useI18n } from '../i18n';

export function Loading() {
  const { t } = useI18n();
  return (
    <p className="muted" role="status">
      {t('loading')}
    </p>
  );
}

/** An error the API answered, in the reader's language; FORBIDDEN says it is outside their jurisdiction. */
export function ErrorNote({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t, serverMessage } = useI18n();
  const api = error instanceof ApiError ? error : null;
  return (
    <div className="note note-error" role="alert" data-code={api?.code ?? 'ERROR'}>
      {api?.code === 'FORBIDDEN' ? <strong>{t('outside')} </strong> : null}
      {serverMessage(api?.message ?? String(error))}
      {onRetry && api?.code === 'NETWORK' ? (
        <button type="button" className="button-link" onClick={onRetry}>
          {t('retry')}
        </button>
      ) : null}
    </div>
  );
}

export function Section({ title, children, actions, id }: { title: string; children: ReactNode; actions?: ReactNode; id?: string }) {
  return (
    <section className="card" aria-labelledby={id} data-section={id}>
      <header className="card-header">
        <h2 id={id}>{title}</h2>
        {actions}
      </header>
      {children}
    </section>
  );
}

export interface Crumb {
  readonly label: string;
  readonly href?: string;
}

export function Breadcrumbs({ crumbs }: { crumbs: readonly Crumb[] }) {
  const { t } = useI18n();
  return (
    <nav aria-label={t('breadcrumb')} className="breadcrumbs">
      <ol>
        {crumbs.map((c, i) => (
          <li key={i}>
            {c.href && i < crumbs.length - 1 ? <Link href={c.href}>{c.label}</Link> : <span aria-current="page">{c.label}</span>}
          </li>
        ))}
      </ol>
    </nav>
  );
}
