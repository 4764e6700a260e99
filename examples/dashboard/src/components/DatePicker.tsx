import { useEffect, useState } from 'react';
import { addDays, daysBetween, isIsoDate } from '@antq/core';
import { FIRST_DAY, REFORM_DAY, fractionOf } from '../dates';
import { useView } from '../hooks';
import { useI18n } from '../i18n';

/**
 * The date of the figures, 2024 to today: a date field, a timeline with the 2025-07-01
 * reform marked (a slider over the days), and the dates one most often wants.
 */
export function DatePicker() {
  const { t, date: formatDate } = useI18n();
  const { date, today, setDate } = useView();
  const [typed, setTyped] = useState(date);
  const [sliding, setSliding] = useState<number | null>(null);
  useEffect(() => setTyped(date), [date]);
  const span = daysBetween(FIRST_DAY, today);
  const shown = sliding === null ? date : addDays(FIRST_DAY, sliding);
  const valid = isIsoDate(typed) && typed >= FIRST_DAY && typed <= today;
  const presets = [
    { day: '2024-12-31', label: t('endOf2024') },
    { day: addDays(REFORM_DAY, -1), label: t('beforeReform') },
    { day: REFORM_DAY, label: t('afterReform') },
    { day: today, label: t('today') },
  ];
  const after = shown >= REFORM_DAY;
  return (
    <div className="date-picker">
      <label className="field">
        <span className="field-label">{t('dateLabel')}</span>
        <input
          type="date"
          name="date"
          min={FIRST_DAY}
          max={today}
          value={typed}
          aria-invalid={!valid}
          onChange={(e) => {
            setTyped(e.target.value);
            if (isIsoDate(e.target.value) && e.target.value >= FIRST_DAY && e.target.value <= today && e.target.value !== date)
              setDate(e.target.value);
          }}
        />
      </label>
      {valid ? null : (
        <p className="field-error" role="alert">
          {t('dateOutOfRange', { first: formatDate(FIRST_DAY), last: formatDate(today) })}
        </p>
      )}
      <div className="timeline">
        <div className="timeline-track" aria-hidden="true">
          <div className="timeline-before" style={{ width: `${fractionOf(REFORM_DAY, FIRST_DAY, today) * 100}%` }} />
          <div className="timeline-reform" style={{ left: `${fractionOf(REFORM_DAY, FIRST_DAY, today) * 100}%` }}>
            <span>{formatDate(REFORM_DAY)}</span>
          </div>
        </div>
        <input
          type="range"
          className="timeline-slider"
          min={0}
          max={span}
          step={1}
          value={sliding ?? daysBetween(FIRST_DAY, date)}
          aria-label={t('timeline')}
          aria-valuetext={formatDate(shown)}
          onChange={(e) => setSliding(Number(e.target.value))}
          onPointerUp={() => commit()}
          onKeyUp={() => commit()}
          onBlur={() => commit()}
        />
        <div className="timeline-ends" aria-hidden="true">
          <span>{formatDate(FIRST_DAY)}</span>
          <span className={after ? 'era era-after' : 'era era-before'} data-testid="era">
            {formatDate(shown)} · {after ? t('afterReform') : t('beforeReform')}
          </span>
          <span>{formatDate(today)}</span>
        </div>
      </div>
      <div className="presets" role="group" aria-label={t('reformOn', { date: formatDate(REFORM_DAY) })}>
        {presets.map((p) => (
          <button
            key={p.day}
            type="button"
            className={p.day === date ? 'chip chip-on' : 'chip'}
            aria-pressed={p.day === date}
            onClick={() => setDate(p.day)}
          >
            {p.label}
            <small>{formatDate(p.day)}</small>
          </button>
        ))}
      </div>
    </div>
  );

  function commit() {
    if (sliding === null) return;
    const day = addDays(FIRST_DAY, sliding);
    setSliding(null);
    if (day !== date) setDate(day);
  }
}
