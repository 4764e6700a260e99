/**
 * The published contract: schema.graphql is the code's SDL; a breaking change from the
 * released SDL fails the check unless a changeset announces it; deprecations say why and
 * when they go. Fixtures apply deliberate changes to the real SDL to show the check fails.
 */
import { readFileSync } from 'node:fs';
import {
  buildSchema,
  Kind,
  parse,
  print,
  visit,
  type ASTNode,
  type EnumValueDefinitionNode,
  type FieldDefinitionNode,
  type InputValueDefinitionNode,
} from 'graphql';
import { CriticalityLevel } from '@graphql-inspector/core';
import { describe, expect, it } from 'vitest';
import {
  checkContract,
  deprecationProblems,
  formatReleased,
  formatReport,
  namesOf,
  parsePendingChangeset,
  parseReleased,
  PATHS,
  readPendingChangesets,
  readReleased,
  type PendingChangeset,
  type ReleasedContract,
} from '../scripts/contract.js';
import { printedSchema } from '../scripts/print-schema.js';
import { antqSchema } from '../src/schema.js';

const committed = readFileSync(PATHS.schema, 'utf8');

describe('schema.graphql, the published contract', () => {
  it('is the SDL the code builds', () => {
    const printed = printedSchema();
    if (printed !== committed)
      expect.fail(
        'packages/graphql/schema.graphql differs from the schema the code builds: run `pnpm --filter @antq/graphql schema:print` and commit the file',
      );
  });

  it('has no deprecation without a reason and a removal date after the last release', () => {
    const released = readReleased();
    expect(deprecationProblems(antqSchema(), released?.date ?? null).map((p) => p.message)).toEqual([]);
  });

  it('passes the contract check against the last release with the pending changesets', async () => {
    const report = await checkContract({
      current: committed,
      released: readReleased(),
      changesets: readPendingChangesets(),
      version: JSON.parse(readFileSync(PATHS.packageJson, 'utf8')).version,
    });
    expect(report.ok, formatReport(report)).toBe(true);
  });
});

// --- Fixtures -------------------------------------------------------------------------

/** The released contract as the real SDL of today, recorded on a fixed date. */
const released: ReleasedContract = { version: '0.1.0', date: '2026-11-26', sdl: committed };

type Edit =
  | { removeField: [type: string, field: string] }
  | { requireArg: [type: string, field: string, arg: string] }
  | { removeEnumValue: [type: string, value: string] }
  | { addEnumValue: [type: string, value: string] };

/** Applies edits to an SDL through its AST; an edit whose target is missing throws, so that a fixture cannot silently do nothing. */
function edited(sdl: string, ...edits: Edit[]): string {
  const done = new Set<Edit>();
  const typeName = (ancestors: ReadonlyArray<ASTNode | readonly ASTNode[]>) => {
    for (let i = ancestors.length - 1; i >= 0; i--) {
      const a = ancestors[i] as ASTNode;
      if (a && 'kind' in a && 'name' in a && a.kind.endsWith('Definition') && a.kind !== Kind.FIELD_DEFINITION && a.name)
        return a.name.value;
    }
    return undefined;
  };
  const doc = visit(parse(sdl), {
    FieldDefinition(node: FieldDefinitionNode, _k, _p, _path, ancestors) {
      const owner = typeName(ancestors);
      for (const e of edits)
        if ('removeField' in e && e.removeField[0] === owner && e.removeField[1] === node.name.value) return done.add(e) && null;
      return undefined;
    },
    InputValueDefinition(node: InputValueDefinitionNode, _k, _p, _path, ancestors) {
      // ancestors end before the parent (the arguments array): the last one is the field.
      const field = ancestors[ancestors.length - 1] as ASTNode;
      if (field.kind !== Kind.FIELD_DEFINITION) return undefined;
      for (const e of edits)
        if (
          'requireArg' in e &&
          e.requireArg[0] === typeName(ancestors) &&
          e.requireArg[1] === field.name.value &&
          e.requireArg[2] === node.name.value
        ) {
          done.add(e);
          return { ...node, type: { kind: Kind.NON_NULL_TYPE, type: node.type } };
        }
      return undefined;
    },
    EnumValueDefinition(node: EnumValueDefinitionNode, _k, _p, _path, ancestors) {
      for (const e of edits)
        if ('removeEnumValue' in e && e.removeEnumValue[0] === typeName(ancestors) && e.removeEnumValue[1] === node.name.value)
          return done.add(e) && null;
      return undefined;
    },
    EnumTypeDefinition(node) {
      for (const e of edits)
        if ('addEnumValue' in e && e.addEnumValue[0] === node.name.value) {
          done.add(e);
          return {
            ...node,
            values: [...(node.values ?? []), { kind: Kind.ENUM_VALUE_DEFINITION, name: { kind: Kind.NAME, value: e.addEnumValue[1] } }],
          };
        }
      return undefined;
    },
  });
  const missed = edits.filter((e) => !done.has(e));
  if (missed.length) throw new Error(`fixture edits found nothing to change: ${JSON.stringify(missed)}`);
  return print(doc);
}

const changeset = (text: string, file = '.changeset/fixture.md'): PendingChangeset => parsePendingChangeset(file, text);

/** Three deliberate breaks: a field removed, a nullable argument made required, an enum value removed. */
let brokenSdl: string | undefined;
const broken = () =>
  (brokenSdl ??= edited(
    committed,
    { removeField: ['Query', 'informantTip'] },
    { requireArg: ['Query', 'adminUnit', 'asOf'] },
    { removeEnumValue: ['Language', 'EN'] },
  ));

const announcing = changeset(`---
'@antq/graphql': minor
---

Breaking: \`Query.informantTip\` is removed (informants use the tips app); \`Query.adminUnit.asOf\` is
now required; the \`Language.EN\` value is removed.
`);

describe('a deliberately breaking change (fixture)', () => {
  it('fails the check, naming each change and what to do', async () => {
    const report = await checkContract({ current: broken(), released, changesets: [], version: '0.1.0' });
    expect(report.ok).toBe(false);
    expect(report.breaking.map((b) => [b.change.type, b.change.path, b.announcedIn])).toEqual(
      expect.arrayContaining([
        ['FIELD_REMOVED', 'Query.informantTip', null],
        ['FIELD_ARGUMENT_TYPE_CHANGED', 'Query.adminUnit.asOf', null],
        ['ENUM_VALUE_REMOVED', 'Language.EN', null],
      ]),
    );
    expect(report.breaking).toHaveLength(3);
    const text = formatReport(report);
    expect(text).toContain('BREAKING');
    expect(text).toContain('NOT ANNOUNCED');
    expect(text).toMatch(
      /FAILED: 3 breaking change\(s\) not announced\. Add a changeset \(pnpm changeset\) that bumps @antq\/graphql as "minor" or "major" and names each change in its text: /,
    );
  });

  it('passes with a changeset that bumps @antq/graphql and names every change', async () => {
    const report = await checkContract({ current: broken(), released, changesets: [announcing], version: '0.1.0' });
    expect(report.ok, formatReport(report)).toBe(true);
    expect(report.breaking.every((b) => b.announcedIn === '.changeset/fixture.md')).toBe(true);
    expect(formatReport(report)).toContain('announced in .changeset/fixture.md');
  });

  it.each([
    ['a patch bump', `---\n'@antq/graphql': patch\n---\n\nQuery.informantTip, Query.adminUnit.asOf, Language.EN`, 3],
    ['a bump of another package', `---\n'@antq/db': major\n---\n\nQuery.informantTip, Query.adminUnit.asOf, Language.EN`, 3],
    ['a text that names only some', `---\n'@antq/graphql': minor\n---\n\nQuery.informantTip goes.`, 2],
    [
      'a longer coordinate than the change',
      `---\n'@antq/graphql': minor\n---\n\nQuery.informantTips, Query.adminUnit.asOfDate, Language.ENGLISH`,
      3,
    ],
    ['an empty changeset', `---\n---\n\nNothing.`, 3],
  ])('still fails with %s', async (_what, text, unannounced) => {
    const report = await checkContract({ current: broken(), released, changesets: [changeset(text)], version: '0.1.0' });
    expect(report.ok).toBe(false);
    expect(report.breaking.filter((b) => !b.announcedIn)).toHaveLength(unannounced);
  });

  it('accepts an argument named as a schema coordinate, Type.field(arg:)', async () => {
    const current = edited(committed, { requireArg: ['Query', 'adminUnit', 'asOf'] });
    const report = await checkContract({
      current,
      released,
      changesets: [changeset(`---\n"@antq/graphql": minor\n---\n\n\`Query.adminUnit(asOf:)\` is required.`)],
      version: '0.1.0',
    });
    expect(report.ok, formatReport(report)).toBe(true);
  });

  it('from 1.0 on, asks for a major bump', async () => {
    const one = { ...released, version: '1.2.0' };
    expect((await checkContract({ current: broken(), released: one, changesets: [announcing], version: '1.2.0' })).ok).toBe(false);
    const major = changeset(announcing.summary.replace(/^/, `---\n'@antq/graphql': major\n---\n\n`));
    const report = await checkContract({ current: broken(), released: one, changesets: [major], version: '1.2.0' });
    expect(report.ok, formatReport(report)).toBe(true);
  });
});

describe('a dangerous change (fixture)', () => {
  it('is reported and passes', async () => {
    const current = edited(committed, { addEnumValue: ['Language', 'FR'] });
    const report = await checkContract({ current, released, changesets: [], version: '0.1.0' });
    expect(report.ok).toBe(true);
    expect(report.dangerous.map((c) => [c.type, c.path])).toEqual([['ENUM_VALUE_ADDED', 'Language.FR']]);
    expect(formatReport(report)).toMatch(/DANGEROUS {2}Enum value 'FR' was added to enum 'Language' \[Language\.FR\]/);
  });

  it('additions are safe and counted', async () => {
    const current = `${committed}\ntype Extra { id: ID! }\n`;
    const report = await checkContract({ current, released, changesets: [], version: '0.1.0' });
    expect(report.ok).toBe(true);
    expect(report.safe.map((c) => [c.type, c.path])).toEqual([
      ['TYPE_ADDED', 'Extra'],
      ['FIELD_ADDED', 'Extra.id'],
    ]);
    expect(formatReport(report)).toContain('safe       2 change(s): TYPE_ADDED ×1, FIELD_ADDED ×1');
  });
});

describe('deprecations', () => {
  const schema = (body: string) => buildSchema(`type Query { ok: Boolean ${body} }\n`);
  it.each([
    ['a field with a reason and a date after the release', 'old: Int @deprecated(reason: "Use ok. Removal: 2027-06-30.")', []],
    ['a field deprecated with the default reason', 'old: Int @deprecated', [['Query.old', 'NO_REASON']]],
    ['an empty reason', 'old: Int @deprecated(reason: " ")', [['Query.old', 'NO_REASON']]],
    ['a reason without a date', 'old: Int @deprecated(reason: "Use ok.")', [['Query.old', 'NO_REMOVAL_DATE']]],
    ['a date not at the end', 'old: Int @deprecated(reason: "Removal: 2027-06-30. Use ok.")', [['Query.old', 'NO_REMOVAL_DATE']]],
    ['a date that does not exist', 'old: Int @deprecated(reason: "Use ok. Removal: 2027-02-30.")', [['Query.old', 'NO_REMOVAL_DATE']]],
    ['a date on the release day', 'old: Int @deprecated(reason: "Use ok. Removal: 2026-11-26.")', [['Query.old', 'OVERDUE']]],
    ['a date the release has passed', 'old: Int @deprecated(reason: "Use ok. Removal: 2026-01-01.")', [['Query.old', 'OVERDUE']]],
    ['an argument', 'f(a: Int @deprecated(reason: "Gone"), b: Int): Int', [['Query.f(a:)', 'NO_REMOVAL_DATE']]],
  ])('%s', (_what, body, expected) => {
    expect(deprecationProblems(schema(body), '2026-11-26').map((p) => [p.coordinate, p.problem])).toEqual(expected);
  });

  it('covers enum values and input fields, and says what to do', () => {
    const s = buildSchema(`
      enum E { A B @deprecated(reason: "Use A. Removal: 2026-06-30.") }
      input I { a: Int b: Int @deprecated }
      type Query { e(i: I): E }
    `);
    const problems = deprecationProblems(s, '2026-11-26');
    expect(problems.map((p) => [p.coordinate, p.problem])).toEqual([
      ['E.B', 'OVERDUE'],
      ['I.b', 'NO_REASON'],
    ]);
    expect(problems[0]!.message).toBe(
      'E.B is overdue: its removal date 2026-06-30 is not after the last release (2026-11-26): remove it (with a changeset naming it) or announce a later date',
    );
  });

  it('fail the contract check', async () => {
    const current = edited(committed, { removeField: ['Query', 'informantTip'] }).replace(
      'type Query {',
      'type Query {\n  old: Int @deprecated(reason: "No date")',
    );
    const report = await checkContract({ current, released, changesets: [announcing], version: '0.1.0' });
    expect(report.ok).toBe(false);
    expect(formatReport(report)).toContain('DEPRECATION Query.old: the deprecation reason "No date" must end with its removal date');
  });
});

describe('the released contract and changesets', () => {
  it('records the release in a header that reads back', () => {
    const text = formatReleased({ version: '0.2.0', date: '2027-01-15', sdl: 'type Query { ok: Boolean }\n' });
    expect(parseReleased(text)).toEqual({ version: '0.2.0', date: '2027-01-15', sdl: text });
    expect(() => parseReleased('type Query { ok: Boolean }\n')).toThrow(/first line must read/);
  });

  it('the recorded release is valid SDL of the current version', () => {
    const recorded = readReleased();
    const version = JSON.parse(readFileSync(PATHS.packageJson, 'utf8')).version;
    expect(
      recorded?.version,
      `@antq/graphql is ${version} but contract/released.graphql records ${recorded?.version}: version with \`pnpm version-packages\`, which records the contract`,
    ).toBe(version);
    expect(() => buildSchema(recorded!.sdl)).not.toThrow();
  });

  it('reads every pending changeset, and names a malformed one', () => {
    expect(() => readPendingChangesets()).not.toThrow();
    expect(() => parsePendingChangeset('.changeset/bad.md', `---\n'@antq/graphql': huge\n---\n\nx`)).toThrow(
      /\.changeset\/bad\.md: not a valid changeset/,
    );
  });

  it('names a change without a coordinate by its type', () => {
    expect(
      namesOf({ type: 'SCHEMA_QUERY_TYPE_CHANGED', message: '', meta: {}, criticality: { level: CriticalityLevel.Breaking } }),
    ).toEqual(['SCHEMA_QUERY_TYPE_CHANGED']);
  });
});
