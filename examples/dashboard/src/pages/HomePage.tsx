import { ErrorNote, Loading, Section } from '../components/common';
import { CoverageBreakdown } from '../components/CoverageBreakdown';
import { Figures } from '../components/Figures';
import { NationalCoverageDocument } from '../generated/graphql';
import { useApi, useView } from '../hooks';
import { useI18n } from '../i18n';

/** The country on the date, by province: where the drill-down starts. */
export function HomePage() {
  const { t, date: formatDate } = useI18n();
  const { date } = useView();
  const national = useApi(NationalCoverageDocument, { asOf: date });
  if (national.error) return <ErrorNote error={national.error} onRetry={() => void national.refetch()} />;
  if (!national.data) return <Loading />;
  const n = national.data.nationalCoverage;
  return (
    <article className="unit" data-unit="national">
      <header className="page-header">
        <h1>{t('country')}</h1>
        <p className="muted">{formatDate(date)}</p>
      </header>
      <Section title={t('coverage')} id="coverage">
        <Figures figures={n} />
      </Section>
      <Section title={t('byProvince')} id="by-child">
        <CoverageBreakdown rows={n.byProvince} />
      </Section>
    </article>
  );
}
