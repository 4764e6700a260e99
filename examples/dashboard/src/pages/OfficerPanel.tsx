import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError, download } from '../api';
import { useAuth } from '../auth';
import { ErrorNote, Loading, Section } from '../components/common';
import { ResidentialAreasDocument, SecurityTeamsDocument, type AdminLevel } from '../generated/graphql';
import { RESIDENTIAL_AREA_KIND_LABELS } from '@antq/core';
import { usePages, useView } from '../hooks';
import { useI18n } from '../i18n';

/** What a signed-in officer may read of a unit: the report downloads, its teams and (a commune) its residential areas. */
export function OfficerPanel({ code, level }: { code: string; level: AdminLevel }) {
  return (
    <div className="officer" data-testid="officer-panel">
      <Downloads code={code} />
      {level === 'COMMUNE' ? <AreaList code={code} /> : null}
      <TeamList code={code} />
    </div>
  );
}

/** The yearly movement report of the unit as XLSX and CSV, from the server's /reports downloads. */
function Downloads({ code }: { code: string }) {
  const { t, date: formatDate, language } = useI18n();
  const { token } = useAuth();
  const { date } = useView();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(null);
  const year = date.slice(0, 4);
  const from = `${year}-01-01`;
  const to = `${year}-12-31`;
  const get = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setError(null);
    try {
      const { blob, name } = await download(
        `/reports/movement.${format}`,
        { unitCode: code, from, to, language: language.toUpperCase() },
        token,
      );
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = name;
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError('DOWNLOAD', String(e)));
    } finally {
      setBusy(null);
    }
  };
  return (
    <Section title={t('downloads', { year })} id="downloads">
      <p className="muted">{t('downloadsNote', { from: formatDate(from), to: formatDate(to) })}</p>
      <div className="actions">
        <button type="button" className="button" disabled={busy !== null} onClick={() => void get('xlsx')}>
          {busy === 'xlsx' ? t('downloading') : t('downloadXlsx')}
        </button>
        <button type="button" className="button button-secondary" disabled={busy !== null} onClick={() => void get('csv')}>
          {busy === 'csv' ? t('downloading') : t('downloadCsv')}
        </button>
      </div>
      {error ? <ErrorNote error={error} /> : null}
    </Section>
  );
}

function MoreButton({ pages }: { pages: { hasNextPage: boolean; isFetchingNextPage: boolean; fetchNextPage: () => unknown } }) {
  const { t } = useI18n();
  if (!pages.hasNextPage) return null;
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={pages.isFetchingNextPage}
      onClick={() => void pages.fetchNextPage()}
    >
      {pages.isFetchingNextPage ? t('loading') : '+ 100'}
    </button>
  );
}

function AreaList({ code }: { code: string }) {
  const { t, number, label } = useI18n();
  const { date, areaHref } = useView();
  const pages = usePages(ResidentialAreasDocument, { code, asOf: date }, (r) => r.residentialAreas.pageInfo);
  if (pages.error) return <ErrorNote error={pages.error} />;
  if (!pages.data) return <Loading />;
  const total = pages.data.pages[0]!.residentialAreas.totalCount;
  const areas = pages.data.pages.flatMap((p) => p.residentialAreas.edges.map((e) => e.node));
  return (
    <Section
      title={t('areaList')}
      id="areas"
      actions={
        <span className="badge" data-testid="area-count">
          {t('areaCount', { n: number(total) })}
        </span>
      }
    >
      <div className="table-wrap">
        <table className="data" data-testid="areas">
          <thead>
            <tr>
              <th scope="col">{t('residentialAreas')}</th>
              <th scope="col" className="wide-only">
                {t('kind')}
              </th>
              <th scope="col" className="num wide-only">
                {t('households')}
              </th>
              <th scope="col" className="num">
                {t('models')}
              </th>
            </tr>
          </thead>
          <tbody>
            {areas.map((a) => (
              <tr key={a.id}>
                <th scope="row">
                  <Link href={areaHref(a.id)}>{a.name}</Link>
                </th>
                <td className="wide-only">{label(RESIDENTIAL_AREA_KIND_LABELS, a.kind)}</td>
                <td className="num wide-only">{a.households === null ? '—' : number(a.households)}</td>
                <td className="num">{number(a.models.totalCount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton pages={pages} />
    </Section>
  );
}

function TeamList({ code }: { code: string }) {
  const { t, number, date: formatDate } = useI18n();
  const { date, areaHref } = useView();
  const pages = usePages(SecurityTeamsDocument, { code, asOf: date }, (r) => r.securityTeams.pageInfo);
  if (pages.error)
    return (
      <Section title={t('teams')} id="teams">
        <ErrorNote error={pages.error} />
      </Section>
    );
  if (!pages.data) return <Loading />;
  const total = pages.data.pages[0]!.securityTeams.totalCount;
  const teams = pages.data.pages.flatMap((p) => p.securityTeams.edges.map((e) => e.node));
  return (
    <Section
      title={t('teams')}
      id="teams"
      actions={
        <span className="badge" data-testid="team-count">
          {t('teamCount', { n: number(total) })}
        </span>
      }
    >
      <div className="table-wrap">
        <table className="data" data-testid="teams">
          <thead>
            <tr>
              <th scope="col">{t('teams')}</th>
              <th scope="col" className="wide-only">
                {t('established')}
              </th>
              <th scope="col" className="num">
                {t('members')}
              </th>
              <th scope="col" className="wide-only">
                {t('areasCovered')}
              </th>
            </tr>
          </thead>
          <tbody>
            {teams.map((team) => (
              <tr key={team.id}>
                <th scope="row">{team.name}</th>
                <td className="wide-only">{formatDate(team.establishedOn)}</td>
                <td className="num">{number(team.members.totalCount)}</td>
                <td className="wide-only">
                  {team.areas.map((a, i) => (
                    <span key={a.id}>
                      {i > 0 ? ', ' : ''}
                      <Link href={areaHref(a.id)}>{a.name}</Link>
                    </span>
                  ))}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <MoreButton pages={pages} />
    </Section>
  );
}
