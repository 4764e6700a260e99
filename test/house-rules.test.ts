/**
 * The house rules of the lint (`pnpm lint`), proved to fail where they should: the
 * dependency-cruiser rule against import cycles (.dependency-cruiser.json), on a fixture
 * of two modules that import each other, a type-only import included.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cruise, type ICruiseOptions, type IReporterOutput } from 'dependency-cruiser';
import { afterAll, describe, expect, it } from 'vitest';

const config = JSON.parse(readFileSync(new URL('../.dependency-cruiser.json', import.meta.url), 'utf8')) as {
  forbidden: NonNullable<ICruiseOptions['ruleSet']>['forbidden'];
  options: ICruiseOptions;
};
const root = mkdtempSync(join(tmpdir(), 'antq-house-rules-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** The rule violations the repository's configuration finds in `files` (written to a folder of their own). */
async function violations(name: string, files: Record<string, string>) {
  const dir = join(root, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  const { options } = config;
  const result: IReporterOutput = await cruise([dir], {
    ...options,
    ruleSet: { forbidden: config.forbidden },
    // The fixture has no tsconfig: resolve `./b.js` to `./b.ts` as TypeScript does.
    tsConfig: undefined,
    validate: true,
  });
  if (typeof result.output === 'string') throw new Error('expected the cruise result, not a report');
  return result.output.summary.violations.map((v) => ({
    rule: v.rule.name,
    severity: v.rule.severity,
    cycle: v.cycle?.map((c) => c.name),
  }));
}

describe('the import-cycle rule of the lint', () => {
  it('fails on two modules that import each other, even when one import is of a type only', async () => {
    const found = await violations('cycle', {
      'unit.ts':
        "import type { Plan } from './plan.js';\nexport interface Unit { readonly plan?: Plan }\nexport const unitCode = (u: Unit) => String(u.plan);\n",
      'plan.ts':
        "import { unitCode, type Unit } from './unit.js';\nexport interface Plan { readonly unit: Unit }\nexport const planCode = (p: Plan) => unitCode(p.unit);\n",
    });
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((v) => v.rule === 'no-cycle' && v.severity === 'error')).toBe(true);
    expect(found[0]!.cycle!.map((f) => f.replace(/.*\//, ''))).toEqual(expect.arrayContaining(['unit.ts', 'plan.ts']));
  });

  it('passes the same modules once the shared type lives where it belongs', async () => {
    const found = await violations('tree', {
      'unit.ts': 'export interface Unit { readonly code: string }\nexport const unitCode = (u: Unit) => u.code;\n',
      'plan.ts':
        "import { unitCode, type Unit } from './unit.js';\nexport interface Plan { readonly unit: Unit }\nexport const planCode = (p: Plan) => unitCode(p.unit);\n",
    });
    expect(found).toEqual([]);
  });
});
