import { useEffect, useId, useState } from 'react';
import { useLocation } from 'wouter';
import { SearchUnitsDocument, type AdminLevel } from '../generated/graphql';
import { useApi, useView } from '../hooks';
import { useI18n } from '../i18n';
import { ErrorNote } from './common';

/** The unit search (`adminUnits(search:)` on the date of the figures): pick one to open it. */
export function UnitSearch() {
  const { t, date: formatDate } = useI18n();
  const { date, unitHref } = useView();
  const [, navigate] = useLocation();
  const [text, setText] = useState('');
  const [search, setSearch] = useState('');
  const [open, setOpen] = useState(false);
  const listId = useId();
  useEffect(() => {
    const timer = setTimeout(() => setSearch(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useApi(SearchUnitsDocument, { search, asOf: date }, search.length >= 2);
  const units = found.data?.adminUnits.edges.map((e) => e.node) ?? [];
  const pick = (code: string) => {
    setOpen(false);
    setText('');
    navigate(unitHref(code));
  };
  const levelLabel = (level: AdminLevel) => t(`level_${level}`);
  return (
    <div className="search" onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && setOpen(false)}>
      <label className="field">
        <span className="field-label">{t('searchLabel')}</span>
        <input
          type="search"
          name="unit-search"
          autoComplete="off"
          placeholder={t('searchPlaceholder')}
          value={text}
          role="combobox"
          aria-expanded={open && search.length >= 2}
          aria-controls={listId}
          onChange={(e) => {
            setText(e.target.value);
            setOpen(true);
          }}
          onFocus={() => setOpen(true)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && units[0]) pick(units[0].code);
            if (e.key === 'Escape') setOpen(false);
          }}
        />
      </label>
      {open && search.length >= 2 ? (
        <div className="search-results" id={listId}>
          {found.error ? <ErrorNote error={found.error} /> : null}
          {found.data && units.length === 0 ? <p className="muted">{t('searchNone', { date: formatDate(date) })}</p> : null}
          <ul role="listbox" aria-label={t('searchLabel')}>
            {units.map((u) => (
              <li key={u.code} role="option" aria-selected="false" data-code={u.code}>
                <button type="button" onClick={() => pick(u.code)}>
                  <span className="result-name">
                    {u.fullName} <span className="code">{u.code}</span>
                  </span>
                  <span className="result-meta">
                    {levelLabel(u.level)}
                    {u.parent ? ` · ${[u.parent.fullName, u.parent.parent?.fullName].filter(Boolean).join(', ')}` : ''}
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {found.data && found.data.adminUnits.totalCount > units.length ? (
            <p className="muted">{t('searchMore', { n: found.data.adminUnits.totalCount })}</p>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
