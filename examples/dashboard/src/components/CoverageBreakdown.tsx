import { useState } from 'react';
import { Link } from 'wouter';
import { useView } from '../hooks';
import { useI18n } from '../i18n';
import { BarsChart, COLORS } from './BarsChart';
import type { FigureValues } from './Figures';

export interface UnitFigures extends FigureValues {
  readonly unit: { readonly code: string; readonly name: string; readonly fullName: string };
}

/** Coverage by unit: a chart of the units with residential areas, and the table of all, each opening the unit. */
export function CoverageBreakdown({ rows, date }: { rows: readonly UnitFigures[]; date?: string }) {
  const { t, number, percent } = useI18n();
  const { unitHref } = useView();
  const charted = rows.filter((r) => r.residentialAreas > 0);
  const [all, setAll] = useState(charted.length === 0);
  const listed = all ? rows : charted;
  return (
    <>
      {charted.length > 0 ? (
        <BarsChart
          label={t('byChild')}
          rows={charted.map((r) => ({
            label: r.unit.name,
            with: r.residentialAreasWithActiveModel,
            without: r.residentialAreas - r.residentialAreasWithActiveModel,
          }))}
          series={[
            { key: 'with', label: t('areasWithModel'), color: COLORS.withModel },
            { key: 'without', label: t('areasWithoutModel'), color: COLORS.withoutModel },
          ]}
        />
      ) : null}
      <div className="table-wrap">
        <table className="data" data-testid="by-child">
          <thead>
            <tr>
              <th scope="col">{t('unit')}</th>
              <th scope="col" className="num">
                {t('areasWithModel')}/{t('residentialAreas').toLowerCase()}
              </th>
              <th scope="col" className="num">
                {t('share')}
              </th>
              <th scope="col" className="num wide-only">
                {t('activeModels')}
              </th>
              <th scope="col" className="num wide-only">
                {t('modelTypes')}
              </th>
            </tr>
          </thead>
          <tbody>
            {listed.map((r) => (
              <tr key={r.unit.code} data-code={r.unit.code}>
                <th scope="row">
                  <Link href={unitHref(r.unit.code, date)}>{r.unit.fullName}</Link> <span className="code">{r.unit.code}</span>
                </th>
                <td className="num">
                  {number(r.residentialAreasWithActiveModel)}/{number(r.residentialAreas)}
                </td>
                <td className="num">{percent(r.residentialAreasWithActiveModel, r.residentialAreas)}</td>
                <td className="num wide-only">{number(r.activeModels)}</td>
                <td className="num wide-only">{number(r.modelTypes)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {charted.length > 0 && charted.length < rows.length ? (
        <button type="button" className="button button-secondary toggle" aria-expanded={all} onClick={() => setAll(!all)}>
          {all ? t('hideEmpty') : t('showEmpty', { n: number(rows.length - charted.length) })}
        </button>
      ) : null}
    </>
  );
}

export interface ModelTypeFigures {
  readonly activeModels: number;
  readonly residentialAreas: number;
  readonly modelType: { readonly id: string; readonly name: string };
}

/** Coverage by kind of model: active models and the areas that have that kind. */
export function ModelTypeBreakdown({ rows }: { rows: readonly ModelTypeFigures[] }) {
  const { t, number } = useI18n();
  const sorted = [...rows].sort((a, b) => b.activeModels - a.activeModels);
  return (
    <>
      <BarsChart
        label={t('byModelType')}
        rows={sorted.map((r) => ({ label: r.modelType.name, models: r.activeModels }))}
        series={[{ key: 'models', label: t('activeModels'), color: COLORS.models }]}
      />
      <div className="table-wrap">
        <table className="data" data-testid="by-model-type">
          <thead>
            <tr>
              <th scope="col">{t('modelType')}</th>
              <th scope="col" className="num">
                {t('activeModels')}
              </th>
              <th scope="col" className="num">
                {t('areasWithType')}
              </th>
            </tr>
          </thead>
          <tbody>
            {sorted.map((r) => (
              <tr key={r.modelType.id}>
                <th scope="row">{r.modelType.name}</th>
                <td className="num">{number(r.activeModels)}</td>
                <td className="num">{number(r.residentialAreas)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
