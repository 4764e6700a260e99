/** The `antq import` command's own parts: whom it acts as, and how it prints a result (no cell contents). */
import { rowProblem, fileProblem } from '@antq/core';
import { describe as group, expect, it } from 'vitest';
import { cliViewer, describe, ImportUsageError } from '../src/imports/cli.js';

group('antq import', () => {
  it.each([
    [{ unit: '75' }, { role: 'PROVINCE_OFFICER', unitCode: '75' }],
    [{ unit: ' 25195 ' }, { role: 'COMMUNE_OFFICER', unitCode: '25195' }],
    [{ national: true }, { role: 'NATIONAL', unitCode: null }],
  ])('acts as the officer of the unit given: %j', (options, expected) => {
    const viewer = cliViewer(options);
    expect(viewer).toMatchObject({ kind: 'OFFICER', ...expected });
    expect((viewer as { subject: string }).subject).toMatch(/^cli:/);
  });

  it.each([[{}], [{ unit: '7' }], [{ unit: '251' }], [{ unit: '75', national: true }]])(
    'refuses to guess whose data it is: %j',
    (options) => {
      expect(() => cliViewer(options)).toThrow(ImportUsageError);
    },
  );

  it('prints counts and each problem with row, column and code, in both languages', () => {
    const lines = describe({
      kind: 'TEAM_MEMBERS',
      format: 'CSV',
      dryRun: true,
      written: false,
      rowCount: 3,
      validRowCount: 2,
      createdCount: 0,
      problems: [rowProblem(3, 'Ngày sinh', 'INELIGIBLE', 'UNDER_18: under 18 / dưới 18 tuổi')],
      ignoredColumns: ['STT'],
    });
    expect(lines).toEqual([
      'TEAM_MEMBERS (CSV): 3 rows, 2 valid, 1 problems; dry run: nothing written',
      'columns not read: STT',
      '  row 3, Ngày sinh: INELIGIBLE: Người này chưa đủ điều kiện tham gia tổ (Luật 30/2023/QH15). / This person is not eligible for the team (Law 30/2023/QH15). (UNDER_18: under 18 / dưới 18 tuổi)',
    ]);
    expect(describe({ code: 'FILE_REJECTED', message: { vi: 'x', en: 'rejected' }, problems: [fileProblem('WRONG_ENCODING')] })[1]).toMatch(
      /^ {2}WRONG_ENCODING: .*CSV UTF-8/,
    );
  });
});
