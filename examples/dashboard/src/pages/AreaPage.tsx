import { useEffect } from 'react';
import { MODEL_BUILDER_LABELS, MODEL_STATE_LABELS, RESIDENTIAL_AREA_KIND_LABELS, type ModelBuilder } from '@antq/core';
import { useAuth } from '../auth';
import { Breadcrumbs, ErrorNote, Loading, Section } from '../components/common';
import { ResidentialAreaDocument, SecurityTeamsDocument } from '../generated/graphql';
import { useApi, usePages, useView } from '../hooks';
import { useI18n } from '../i18n';

/** A residential area (officers only): its models on the date, and its security team. */
export function AreaPage({ id }: { id: string }) {
  const { t, number, date: formatDate, label } = useI18n();
  const { date, unitHref, homeHref } = useView();
  const { officer } = useAuth();
  const area = useApi(ResidentialAreaDocument, { id, asOf: date }, officer !== null);
  if (!officer)
    return (
      <p className="note" data-testid="public-note">
        {t('publicView')}. {t('signInToSee')}
      </p>
    );
  if (area.error) return <ErrorNote error={area.error} />;
  if (!area.data) return <Loading />;
  const a = area.data.node;
  if (!a || !('name' in a))
    return (
      <div className="note" role="alert">
        {t('outside')}
      </div>
    );
  const commune = a.commune;
  const models = a.models.edges.map((e) => e.node);
  return (
    <article className="area" data-area={a.id}>
      <Breadcrumbs
        crumbs={[
          { label: t('country'), href: homeHref() },
          ...(commune?.parent ? [{ label: commune.parent.fullName, href: unitHref(commune.parent.code) }] : []),
          ...(commune ? [{ label: commune.fullName, href: unitHref(commune.code) }] : []),
          { label: a.name },
        ]}
      />
      <header className="page-header">
        <h1>{a.name}</h1>
        <p className="muted">
          {label(RESIDENTIAL_AREA_KIND_LABELS, a.kind)}
          {commune ? ` · ${t('areaOf', { commune: commune.fullName })}` : ''} · {formatDate(date)}
        </p>
      </header>
      <dl className="figure-stats card">
        <div>
          <dt>{t('households')}</dt>
          <dd>{a.households === null ? '—' : number(a.households)}</dd>
        </div>
        <div>
          <dt>{t('residents')}</dt>
          <dd>{a.residents === null ? '—' : number(a.residents)}</dd>
        </div>
        <div>
          <dt>{t('models')}</dt>
          <dd data-testid="model-count">{number(a.models.totalCount)}</dd>
        </div>
      </dl>
      <Section title={t('models')} id="models">
        {models.length === 0 ? <p className="muted">{t('noModels')}</p> : null}
        <div className="table-wrap">
          <table className="data" data-testid="models">
            <thead>
              <tr>
                <th scope="col">{t('model')}</th>
                <th scope="col" className="wide-only">
                  {t('modelType')}
                </th>
                <th scope="col">{t('state')}</th>
                <th scope="col" className="wide-only">
                  {t('foundedOn')}
                </th>
                <th scope="col" className="num wide-only">
                  {t('memberCount')}
                </th>
              </tr>
            </thead>
            <tbody>
              {models.map((m) => (
                <tr key={m.id}>
                  <th scope="row">
                    {m.name}
                    <div className="muted small">{label(MODEL_BUILDER_LABELS, m.builtBy as ModelBuilder)}</div>
                  </th>
                  <td className="wide-only">{m.modelType.name}</td>
                  <td>
                    <span className={`state state-${m.state ?? 'NONE'}`}>{m.state ? label(MODEL_STATE_LABELS, m.state) : '—'}</span>
                  </td>
                  <td className="wide-only">{formatDate(m.foundedOn)}</td>
                  <td className="num wide-only">{m.memberCount === null ? '—' : number(m.memberCount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </Section>
      {commune ? <AreaTeam areaId={a.id} communeCode={commune.code} /> : null}
    </article>
  );
}

/** The area's team: the commune's teams are read page by page until the one covering the area. */
function AreaTeam({ areaId, communeCode }: { areaId: string; communeCode: string }) {
  const { t, number, date: formatDate } = useI18n();
  const { date } = useView();
  const pages = usePages(SecurityTeamsDocument, { code: communeCode, asOf: date }, (r) => r.securityTeams.pageInfo);
  const teams = pages.data?.pages.flatMap((p) => p.securityTeams.edges.map((e) => e.node)) ?? [];
  const mine = teams.filter((team) => team.areas.some((a) => a.id === areaId));
  const { hasNextPage, isFetchingNextPage, fetchNextPage } = pages;
  useEffect(() => {
    if (mine.length === 0 && hasNextPage && !isFetchingNextPage) void fetchNextPage();
  }, [mine.length, hasNextPage, isFetchingNextPage, fetchNextPage]);
  return (
    <Section title={t('areaTeam')} id="team">
      {pages.error ? <ErrorNote error={pages.error} /> : null}
      {!pages.data || (mine.length === 0 && hasNextPage) ? <Loading /> : null}
      {pages.data && mine.length === 0 && !hasNextPage ? <p className="muted">{t('noTeam')}</p> : null}
      {mine.map((team) => (
        <dl className="figure-stats" key={team.id} data-testid="area-team">
          <div>
            <dt>{t('teams')}</dt>
            <dd className="text">{team.name}</dd>
          </div>
          <div>
            <dt>{t('established')}</dt>
            <dd className="text">{formatDate(team.establishedOn)}</dd>
          </div>
          <div>
            <dt>{t('members')}</dt>
            <dd>{number(team.members.totalCount)}</dd>
          </div>
        </dl>
      ))}
    </Section>
  );
}
