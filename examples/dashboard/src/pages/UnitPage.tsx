import { useQueries } from '@tanstack/react-query';
import { Link } from 'wouter';
import { request } from '../api';
import { useAuth } from '../auth';
import { Breadcrumbs, ErrorNote, Loading, Section, type Crumb } from '../components/common';
import { CoverageBreakdown, ModelTypeBreakdown } from '../components/CoverageBreakdown';
import { Figures } from '../components/Figures';
import { BarsChart, COLORS } from '../components/BarsChart';
import {
  ReportTextDocument,
  TerritoryCoverageDocument,
  UnitCoverageDocument,
  UnitLineageDocument,
  type UnitCoverageQuery,
} from '../generated/graphql';
import { useApi, useView } from '../hooks';
import { useI18n } from '../i18n';
import { heldOn, unitsHolding, type LineageNode } from '../lineage';
import { OfficerPanel } from './OfficerPanel';

/**
 * A unit on the date of the figures. The unit is its code seen on the date it was picked
 * (`on`, default the date): when the date moves outside the unit's life, the page shows the
 * units that held its territory then, through the lineage.
 */
export function UnitPage({ code }: { code: string }) {
  const { t, date: formatDate } = useI18n();
  const { date, on } = useView();
  const lineage = useApi(UnitLineageDocument, { code, on: on ?? date });
  if (lineage.error) return <ErrorNote error={lineage.error} />;
  if (!lineage.data) return <Loading />;
  const unit = lineage.data.adminUnit as LineageNode | null;
  if (!unit)
    return (
      <div className="note" role="alert">
        {t('unitNotFound', { code, date: formatDate(on ?? date) })}
      </div>
    );
  if (heldOn(unit, date)) return <UnitView code={code} unit={unit} />;
  return <TerritoryView unit={unit} />;
}

function crumbsOf(unit: UnitCoverageQuery['coverage']['unit'], href: (code: string) => string, country: string, homeHref: string): Crumb[] {
  const above = [unit.parent?.parent, unit.parent].filter((u): u is { code: string; fullName: string } => Boolean(u));
  return [{ label: country, href: homeHref }, ...above.map((u) => ({ label: u.fullName, href: href(u.code) })), { label: unit.fullName }];
}

function UnitView({ code, unit: lineageUnit }: { code: string; unit: LineageNode }) {
  const { t, date: formatDate, language } = useI18n();
  const { date, unitHref, homeHref } = useView();
  const { officer } = useAuth();
  const coverage = useApi(UnitCoverageDocument, { code, asOf: date });
  const report = useApi(ReportTextDocument, { code, asOf: date, language: language === 'en' ? 'EN' : 'VI' });
  if (coverage.error) return <ErrorNote error={coverage.error} onRetry={() => void coverage.refetch()} />;
  if (!coverage.data) return <Loading />;
  const c = coverage.data.coverage;
  const links = [
    ...(lineageUnit.predecessors ?? []).map((l) => ({ ...l, way: 'from' as const })),
    ...(lineageUnit.successors ?? []).map((l) => ({ ...l, way: 'into' as const })),
  ];
  return (
    <article className="unit" data-unit={c.unit.code}>
      <Breadcrumbs crumbs={crumbsOf(c.unit, (k) => unitHref(k), t('country'), homeHref())} />
      <header className="page-header">
        <h1>
          {c.unit.fullName} <span className="code">{c.unit.code}</span>
        </h1>
        <p className="muted">
          {t(`level_${c.unit.level}`)} · {formatDate(date)}
          {c.unit.validFrom ? ` · ${formatDate(c.unit.validFrom)} – ${c.unit.validTo ? formatDate(c.unit.validTo) : '…'}` : ''}
        </p>
      </header>
      <div className="grid">
        <Section title={t('coverage')} id="coverage">
          <Figures figures={c} />
          {c.residentialAreas === 0 ? <p className="muted">{t('noFigures')}</p> : null}
          {links.length > 0 ? (
            <ul className="lineage-links" data-testid="lineage-links">
              {links.map((l) => (
                <li key={`${l.way}${l.unit.code}${l.unit.validFrom ?? ''}`}>
                  <span className="muted">
                    {formatDate(l.date)} · {l.way === 'from' ? t('formedFrom') : t('passedInto')}{' '}
                  </span>
                  <Link href={unitHref(l.unit.code, l.way === 'from' ? (l.unit.validTo ?? date) : l.date)}>{l.unit.fullName}</Link>{' '}
                  <span className="code">{l.unit.code}</span>{' '}
                  <span className="muted">({l.kind === 'FULL' ? t('whole') : t('partly')})</span>
                </li>
              ))}
            </ul>
          ) : null}
        </Section>
        {report.data ? (
          <Section title={t('reportText')} id="report-text">
            <p className="report-text">{report.data.movementReport.split('\n')[0]}</p>
          </Section>
        ) : null}
      </div>
      {c.byChild.length > 0 ? (
        <Section title={t('byChild')} id="by-child">
          <CoverageBreakdown rows={c.byChild} />
        </Section>
      ) : null}
      {c.byModelType.length > 0 ? (
        <Section title={t('byModelType')} id="by-model-type">
          <ModelTypeBreakdown rows={c.byModelType} />
        </Section>
      ) : null}
      {officer ? (
        <OfficerPanel code={c.unit.code} level={c.unit.level} />
      ) : (
        <p className="note" data-testid="public-note">
          {t('publicView')}. {t('signInToSee')}
        </p>
      )}
    </article>
  );
}

/** The territory of a unit on a date it did not hold: the units that did, with their figures. */
function TerritoryView({ unit }: { unit: LineageNode }) {
  const { t, date: formatDate, number } = useI18n();
  const { date, on, unitHref, homeHref } = useView();
  const { token } = useAuth();
  const holders = unitsHolding(unit, date);
  const figures = useQueries({
    queries: holders.map((h) => ({
      queryKey: ['UnitCoverage', { code: h.unit.code, asOf: date }, token],
      queryFn: ({ signal }: { signal: AbortSignal }) => request(UnitCoverageDocument, { code: h.unit.code, asOf: date }, token, signal),
    })),
  });
  const before = unit.validFrom !== null && date < unit.validFrom;
  // Before the unit existed, the API re-attributes the figures of that date to it through the lineage.
  const attributed = useApi(TerritoryCoverageDocument, { code: unit.code, asOf: on ?? date, figuresOn: date }, before);
  return (
    <article className="unit territory" data-territory={unit.code}>
      <Breadcrumbs crumbs={[{ label: t('country'), href: homeHref() }, { label: unit.fullName }]} />
      <header className="page-header">
        <h1>{t('territoryTitle', { date: formatDate(date) })}</h1>
        <p>
          {before
            ? t('territoryBefore', { unit: `${unit.fullName} (${unit.code})`, from: formatDate(unit.validFrom!), date: formatDate(date) })
            : t('territoryAfter', {
                unit: `${unit.fullName} (${unit.code})`,
                to: formatDate(unit.validTo ?? date),
                date: formatDate(date),
              })}
        </p>
      </header>
      {holders.length === 0 ? <p className="note">{t('noLineage', { date: formatDate(date) })}</p> : null}
      <div className="holders">
        {holders.map((h, i) => {
          const q = figures[i]!;
          return (
            <section className="card holder" key={`${h.unit.code}${h.unit.validFrom ?? ''}`} data-holder={h.unit.code}>
              <header className="card-header">
                <h2>
                  <Link href={unitHref(h.unit.code)}>{h.unit.fullName}</Link> <span className="code">{h.unit.code}</span>
                </h2>
                <span className="badge">{h.kind === 'FULL' ? t('whole') : t('partly')}</span>
              </header>
              {q.error ? <ErrorNote error={q.error} /> : q.data ? <Figures figures={q.data.coverage} /> : <Loading />}
              <Link className="button" href={unitHref(h.unit.code)}>
                {t('open')} →
              </Link>
            </section>
          );
        })}
      </div>
      {figures.every((q) => q.data) && holders.length > 1 ? (
        <Section title={t('holdersChart')} id="holders-chart">
          <BarsChart
            label={t('territoryTitle', { date: formatDate(date) })}
            rows={figures.map((q) => ({
              label: q.data!.coverage.unit.name,
              with: q.data!.coverage.residentialAreasWithActiveModel,
              without: q.data!.coverage.residentialAreas - q.data!.coverage.residentialAreasWithActiveModel,
            }))}
            series={[
              { key: 'with', label: t('areasWithModel'), color: COLORS.withModel },
              { key: 'without', label: t('areasWithoutModel'), color: COLORS.withoutModel },
            ]}
          />
        </Section>
      ) : null}
      {before && attributed.data ? (
        <Section title={t('attributed', { date: formatDate(date), unit: unit.fullName })} id="attributed">
          <Figures figures={attributed.data.coverage} />
          {attributed.data.coverage.lineage && attributed.data.coverage.lineage.partialCommunes.length > 0 ? (
            <p className="muted">
              {t('partialCommunes', {
                n: number(attributed.data.coverage.lineage.partialCommunes.length),
                areas: number(attributed.data.coverage.lineage.partial.residentialAreas),
              })}
            </p>
          ) : null}
        </Section>
      ) : null}
      {attributed.error ? <ErrorNote error={attributed.error} /> : null}
    </article>
  );
}
