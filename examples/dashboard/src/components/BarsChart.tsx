import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { useI18n } from '../i18n';

export interface Series {
  readonly key: string;
  readonly label: string;
  readonly color: string;
}

/** Horizontal bars, one row per entry (units, kinds of model), stacked by series. */
export function BarsChart({
  rows,
  series,
  label,
}: {
  rows: ReadonlyArray<Record<string, string | number>>;
  series: readonly Series[];
  /** What the chart shows, for screen readers (the table beside it has the figures). */
  label: string;
}) {
  const { number } = useI18n();
  const height = Math.max(120, rows.length * 42 + 60);
  return (
    <figure className="chart" aria-label={label} style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          data={rows as Array<Record<string, string | number>>}
          layout="vertical"
          margin={{ top: 4, right: 16, bottom: 4, left: 4 }}
        >
          <CartesianGrid horizontal={false} stroke="#e3e8ef" />
          <XAxis type="number" allowDecimals={false} tickFormatter={(v: number) => number(v)} tick={{ fontSize: 12 }} />
          <YAxis type="category" dataKey="label" width={140} tick={{ fontSize: 11 }} interval={0} />
          <Tooltip formatter={(v) => number(Number(v))} />
          {series.length > 1 ? <Legend wrapperStyle={{ fontSize: 13 }} /> : null}
          {series.map((s) => (
            <Bar key={s.key} dataKey={s.key} name={s.label} stackId="stack" fill={s.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </figure>
  );
}

export const COLORS = { withModel: '#1f7a4d', withoutModel: '#c9d3df', models: '#1d4f91' } as const;
