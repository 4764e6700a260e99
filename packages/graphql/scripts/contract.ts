/**
 * The published GraphQL contract of @antq/graphql, and the rules that keep it safe for the
 * front-end teams and partner agencies that build on it (see RELEASING.md):
 *
 * - `schema.graphql` is the sorted SDL of the code (a test fails when it differs);
 * - `contract/released.graphql` is the SDL of the last release, recorded by
 *   `pnpm version-packages` when @antq/graphql's version changes;
 * - a BREAKING change from the released SDL fails unless a pending changeset bumps
 *   @antq/graphql far enough (`major`; while 0.x, `minor` or `major`: `^0.y` ranges do not
 *   take 0.(y+1)) and names the change's schema coordinate in its text;
 * - DANGEROUS changes are reported and pass;
 * - every deprecation has a reason ending with its removal date, `Removal: YYYY-MM-DD.`,
 *   and a date that the last release has passed is overdue.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import parseChangeset from '@changesets/parse';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import {
  buildSchema,
  DEFAULT_DEPRECATION_REASON,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLSchema,
} from 'graphql';

export const PACKAGE_NAME = '@antq/graphql';
const packageDir = fileURLToPath(new URL('..', import.meta.url));
export const PATHS = {
  packageJson: join(packageDir, 'package.json'),
  schema: join(packageDir, 'schema.graphql'),
  released: join(packageDir, 'contract', 'released.graphql'),
  changesets: join(packageDir, '..', '..', '.changeset'),
} as const;

/** The SDL of a release, with the version and the day it was recorded. */
export interface ReleasedContract {
  readonly version: string;
  /** `YYYY-MM-DD`, the day `pnpm version-packages` recorded it. */
  readonly date: string;
  readonly sdl: string;
}

/** A pending changeset: what it bumps and what it says. */
export interface PendingChangeset {
  /** Where it was read from, for the report (e.g. `.changeset/rename-tips.md`). */
  readonly file: string;
  readonly releases: ReadonlyArray<{ readonly name: string; readonly type: string }>;
  readonly summary: string;
}

// --- The released contract file ------------------------------------------------------

const HEADER = /^# The GraphQL contract of @antq\/graphql (\S+), released (\d{4}-\d{2}-\d{2})\.\n/;

/** The text of `contract/released.graphql`: a header that says which release, then the SDL. */
export function formatReleased({ version, date, sdl }: ReleasedContract): string {
  return (
    `# The GraphQL contract of ${PACKAGE_NAME} ${version}, released ${date}.\n` +
    `# Written by \`pnpm version-packages\` (packages/graphql/scripts/record-release.ts): do not edit.\n` +
    sdl
  );
}

export function parseReleased(text: string): ReleasedContract {
  const header = HEADER.exec(text);
  if (!header)
    throw new Error(
      `contract/released.graphql: the first line must read "# The GraphQL contract of ${PACKAGE_NAME} <version>, released <YYYY-MM-DD>."`,
    );
  return { version: header[1]!, date: header[2]!, sdl: text };
}

export function readReleased(path: string = PATHS.released): ReleasedContract | null {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw e;
  }
  return parseReleased(text);
}

// --- Pending changesets --------------------------------------------------------------

/** Parses a changeset's text the way `changeset version` does; a malformed one throws with its name. */
export function parsePendingChangeset(file: string, text: string): PendingChangeset {
  try {
    const { releases, summary } = parseChangeset(text);
    return { file, releases, summary };
  } catch (e) {
    throw new Error(`${file}: not a valid changeset: ${(e as Error).message}`, { cause: e });
  }
}

/** The changesets waiting in `.changeset/` (its README, if any, is not one). */
export function readPendingChangesets(dir: string = PATHS.changesets): PendingChangeset[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.md') && f.toLowerCase() !== 'readme.md')
    .sort()
    .map((f) => parsePendingChangeset(`.changeset/${f}`, readFileSync(join(dir, f), 'utf8')));
}

// --- Breaking changes and their announcements ----------------------------------------

/** The bumps that may carry a breaking change from `version`: semver's major; in 0.x also minor, since `^0.y.z` stops before 0.(y+1). */
export function bumpsAllowedToBreak(version: string): readonly string[] {
  return version.startsWith('0.') ? ['minor', 'major'] : ['major'];
}

/**
 * How a changeset names a change: its schema coordinate as GraphQL Inspector prints it
 * (`Query.adminUnit`, an argument as `Query.adminUnit.asOf`, an enum value as
 * `OfficerRole.NATIONAL`), or for an argument also `Query.adminUnit(asOf:)`; a change
 * without a coordinate by its type (`SCHEMA_QUERY_TYPE_CHANGED`).
 */
export function namesOf(change: Change): string[] {
  if (!change.path) return [String(change.type)];
  const names = [change.path];
  const parts = change.path.split('.');
  if (parts.length === 3 && /^FIELD_ARGUMENT_|^ARGUMENT_/.test(String(change.type))) names.push(`${parts[0]}.${parts[1]}(${parts[2]}:)`);
  return names;
}

/** Whether `text` names `name` on its own: not as the start of a longer coordinate (`Query.tip` is not named by `Query.tips`). */
function mentions(text: string, name: string): boolean {
  const escaped = name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`(^|[^\\w.@])${escaped}(?![\\w(]|\\.\\w)`).test(text);
}

export interface BreakingChange {
  readonly change: Change;
  /** The changeset that announces it, or null. */
  readonly announcedIn: string | null;
}

export interface DeprecationProblem {
  /** Schema coordinate: `Type.field`, `Type.field(arg:)`, `Enum.VALUE`, `Input.field`. */
  readonly coordinate: string;
  readonly problem: 'NO_REASON' | 'NO_REMOVAL_DATE' | 'OVERDUE';
  readonly message: string;
}

export interface ContractReport {
  readonly released: Pick<ReleasedContract, 'version' | 'date'> | null;
  readonly breaking: readonly BreakingChange[];
  readonly dangerous: readonly Change[];
  readonly safe: readonly Change[];
  readonly deprecations: readonly DeprecationProblem[];
  /** The bumps of @antq/graphql that may carry the breaking changes. */
  readonly allowedBumps: readonly string[];
  readonly ok: boolean;
}

/**
 * Compares the current SDL with the released one: which changes break, which are
 * dangerous, and whether a pending changeset announces each breaking one.
 */
export async function checkContract({
  current,
  released,
  changesets,
  version,
}: {
  current: string;
  released: ReleasedContract | null;
  changesets: readonly PendingChangeset[];
  /** @antq/graphql's version now (before the pending changesets are applied). */
  version: string;
}): Promise<ContractReport> {
  const now = sdlSchema('schema.graphql', current);
  const changes = released ? await diff(sdlSchema('contract/released.graphql', released.sdl), now) : [];
  const allowedBumps = bumpsAllowedToBreak(released?.version ?? version);
  const announcing = changesets.filter((c) => c.releases.some((r) => r.name === PACKAGE_NAME && allowedBumps.includes(r.type)));
  const breaking = changes
    .filter((c) => c.criticality.level === CriticalityLevel.Breaking)
    .map((change) => ({ change, announcedIn: announcing.find((c) => namesOf(change).some((n) => mentions(c.summary, n)))?.file ?? null }));
  const deprecations = deprecationProblems(now, released?.date ?? null);
  return {
    released: released && { version: released.version, date: released.date },
    breaking,
    dangerous: changes.filter((c) => c.criticality.level === CriticalityLevel.Dangerous),
    safe: changes.filter((c) => c.criticality.level === CriticalityLevel.NonBreaking),
    deprecations,
    allowedBumps,
    ok: breaking.every((b) => b.announcedIn) && deprecations.length === 0,
  };
}

function sdlSchema(file: string, sdl: string): GraphQLSchema {
  try {
    return buildSchema(sdl);
  } catch (e) {
    throw new Error(`${file} is not a valid schema (${(e as Error).message}): run \`pnpm --filter @antq/graphql schema:print\``, {
      cause: e,
    });
  }
}

// --- Deprecations ---------------------------------------------------------------------

/** The end of every deprecation reason: `Removal: YYYY-MM-DD.` */
const REMOVAL = /Removal: (\d{4}-\d{2}-\d{2})\.$/;

function isIsoDate(s: string): boolean {
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
}

/**
 * Every deprecated field, argument, input field and enum value of `schema` must say why
 * and when it goes: a reason ending in `Removal: YYYY-MM-DD.`, a date after the last
 * release (`releasedOn`): one that release has reached is overdue.
 */
export function deprecationProblems(schema: GraphQLSchema, releasedOn: string | null): DeprecationProblem[] {
  const problems: DeprecationProblem[] = [];
  const check = (coordinate: string, reason: string | null | undefined) => {
    if (reason == null) return;
    if (reason.trim() === '' || reason === DEFAULT_DEPRECATION_REASON) {
      problems.push({
        coordinate,
        problem: 'NO_REASON',
        message: `${coordinate} is deprecated without a reason: say why, what to use instead, and end with "Removal: YYYY-MM-DD."`,
      });
      return;
    }
    const removal = REMOVAL.exec(reason.trim());
    if (!removal || !isIsoDate(removal[1]!)) {
      problems.push({
        coordinate,
        problem: 'NO_REMOVAL_DATE',
        message: `${coordinate}: the deprecation reason "${reason}" must end with its removal date, "Removal: YYYY-MM-DD."`,
      });
      return;
    }
    if (releasedOn && removal[1]! <= releasedOn)
      problems.push({
        coordinate,
        problem: 'OVERDUE',
        message: `${coordinate} is overdue: its removal date ${removal[1]} is not after the last release (${releasedOn}): remove it (with a changeset naming it) or announce a later date`,
      });
  };
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type))
      for (const field of Object.values(type.getFields())) {
        check(`${type.name}.${field.name}`, field.deprecationReason);
        for (const arg of field.args) check(`${type.name}.${field.name}(${arg.name}:)`, arg.deprecationReason);
      }
    else if (isInputObjectType(type))
      for (const field of Object.values(type.getFields())) check(`${type.name}.${field.name}`, field.deprecationReason);
    else if (isEnumType(type)) for (const value of type.getValues()) check(`${type.name}.${value.name}`, value.deprecationReason);
  }
  return problems.sort((a, b) => a.coordinate.localeCompare(b.coordinate));
}

// --- The report ------------------------------------------------------------------------

/** The report CI prints: every breaking and dangerous change, the safe ones counted. */
export function formatReport(report: ContractReport): string {
  const lines: string[] = [];
  if (!report.released)
    lines.push(`GraphQL contract: no release of ${PACKAGE_NAME} recorded yet (contract/released.graphql): nothing to compare.`);
  else lines.push(`GraphQL contract: schema.graphql against ${PACKAGE_NAME} ${report.released.version} (released ${report.released.date})`);
  for (const { change, announcedIn } of report.breaking)
    lines.push(`  BREAKING   ${change.message} [${namesOf(change)[0]}] ${announcedIn ? `announced in ${announcedIn}` : 'NOT ANNOUNCED'}`);
  for (const change of report.dangerous)
    lines.push(
      `  DANGEROUS  ${change.message} [${namesOf(change)[0]}]${change.criticality.reason ? `: ${change.criticality.reason}` : ''}`,
    );
  if (report.safe.length) lines.push(`  safe       ${report.safe.length} change(s): ${summarise(report.safe)}`);
  if (report.released && !report.breaking.length && !report.dangerous.length && !report.safe.length) lines.push('  no changes');
  for (const d of report.deprecations) lines.push(`  DEPRECATION ${d.message}`);
  const unannounced = report.breaking.filter((b) => !b.announcedIn);
  if (unannounced.length)
    lines.push(
      `FAILED: ${unannounced.length} breaking change(s) not announced. Add a changeset (pnpm changeset) that bumps ${PACKAGE_NAME} ` +
        `as ${report.allowedBumps.map((b) => `"${b}"`).join(' or ')} and names each change in its text: ` +
        unannounced.map((b) => namesOf(b.change)[0]).join(', '),
    );
  if (report.deprecations.length) lines.push(`FAILED: ${report.deprecations.length} deprecation(s) to fix.`);
  if (report.ok)
    lines.push(`OK: ${report.breaking.length} breaking (announced), ${report.dangerous.length} dangerous, ${report.safe.length} safe.`);
  return lines.join('\n');
}

function summarise(changes: readonly Change[]): string {
  const counts = new Map<string, number>();
  for (const c of changes) counts.set(String(c.type), (counts.get(String(c.type)) ?? 0) + 1);
  return [...counts].map(([type, n]) => `${type} ×${n}`).join(', ');
}
