import { useI18n } from '../i18n';

export interface FigureValues {
  readonly residentialAreas: number;
  readonly residentialAreasWithActiveModel: number;
  readonly activeModels: number;
  readonly modelTypes: number;
}

/** The headline: areas with a model / all areas, the share, active models and kinds of models. */
export function Figures({ figures, compact = false }: { figures: FigureValues; compact?: boolean }) {
  const { t, number, percent } = useI18n();
  const share = figures.residentialAreas > 0 ? figures.residentialAreasWithActiveModel / figures.residentialAreas : 0;
  return (
    <div className={compact ? 'figures figures-compact' : 'figures'}>
      <div className="figure-main">
        <span className="figure-label">{t('ratioLabel')}</span>
        <span className="coverage-ratio" data-testid="coverage-ratio" title={t('coverageOf')}>
          {number(figures.residentialAreasWithActiveModel)}/{number(figures.residentialAreas)}
        </span>
        <span className="figure-sub">{percent(figures.residentialAreasWithActiveModel, figures.residentialAreas)}</span>
        <div
          className="meter"
          role="meter"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(share * 100)}
          aria-label={t('coverageOf')}
        >
          <div style={{ width: `${share * 100}%` }} />
        </div>
      </div>
      {compact ? null : (
        <dl className="figure-stats">
          <div>
            <dt>{t('activeModels')}</dt>
            <dd data-testid="active-models">{number(figures.activeModels)}</dd>
          </div>
          <div>
            <dt>{t('modelTypes')}</dt>
            <dd data-testid="model-types">{number(figures.modelTypes)}</dd>
          </div>
          <div>
            <dt>{t('residentialAreas')}</dt>
            <dd data-testid="residential-areas">{number(figures.residentialAreas)}</dd>
          </div>
        </dl>
      )}
    </div>
  );
}
