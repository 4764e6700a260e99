-- CreateTable
CREATE TABLE "CoverageStep" (
    "id" UUID NOT NULL DEFAULT gen_random_uuid(),
    "communeId" UUID NOT NULL,
    "validFrom" DATE,
    "validTo" DATE,
    "areas" INTEGER NOT NULL,
    "covered" INTEGER NOT NULL,
    "models" INTEGER NOT NULL,
    "modelTypes" TEXT NOT NULL,

    CONSTRAINT "CoverageStep_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CoverageStep_communeId_validTo_idx" ON "CoverageStep"("communeId", "validTo");

-- CreateIndex
CREATE INDEX "CoverageStep_validTo_validFrom_idx" ON "CoverageStep"("validTo", "validFrom");

-- Coverage steps: each commune's coverage figures as a step function of the date, kept by
-- triggers on every table they are computed from (see CoverageStep in movement.prisma).
-- `antq_coverage_steps` is the one definition of the figures in SQL: @antq/core's
-- countCommunes over the rows (test/coverage.test.ts compares the two).

CREATE FUNCTION antq_coverage_steps(ids uuid[])
RETURNS TABLE ("communeId" uuid, "validFrom" date, "validTo" date, areas int, covered int, models int, "modelTypes" text)
LANGUAGE sql STABLE AS $fn$
  WITH
  -- Each residential area's time in a commune: its placement while the area exists.
  area_iv AS (
    SELECT p."communeId" AS c, p."residentialAreaId" AS area,
      greatest(coalesce(p."validFrom", '-infinity'), coalesce(a."validFrom", '-infinity')) AS s,
      least(coalesce(p."validTo", 'infinity'), coalesce(a."validTo", 'infinity')) AS e
    FROM "ResidentialAreaPlacement" p JOIN "ResidentialArea" a ON a.id = p."residentialAreaId"
    WHERE ids IS NULL OR p."communeId" = ANY (ids)
  ),
  -- Each model's time hosted in a commune: by an area (while placed there), the commune itself, or an organization (while placed there).
  host AS (
    SELECT m.id AS m, m."modelTypeId" AS t, ai.c, ai.area, ai.s, ai.e
    FROM "Model" m JOIN area_iv ai ON ai.area = m."residentialAreaId"
    WHERE m."hostKind" = 'RESIDENTIAL_AREA' AND ai.s <= ai.e
    UNION ALL
    SELECT m.id, m."modelTypeId", m."communeId", NULL, '-infinity'::date, 'infinity'::date
    FROM "Model" m WHERE m."hostKind" = 'COMMUNE' AND (ids IS NULL OR m."communeId" = ANY (ids))
    UNION ALL
    SELECT m.id, m."modelTypeId", op."communeId", NULL,
      greatest(coalesce(op."validFrom", '-infinity'), coalesce(o."validFrom", '-infinity')),
      least(coalesce(op."validTo", 'infinity'), coalesce(o."validTo", 'infinity'))
    FROM "Model" m JOIN "OrganizationPlacement" op ON op."organizationId" = m."organizationId" JOIN "Organization" o ON o.id = m."organizationId"
    WHERE m."hostKind" = 'ORGANIZATION' AND (ids IS NULL OR op."communeId" = ANY (ids))
  ),
  -- The state each day's last event leads to holds until the next event's day. The kinds
  -- that lead to ACTIVE are @antq/core's ACTIVATING_EVENTS (a test compares them).
  last_of_day AS (
    SELECT DISTINCT ON (e."modelId", e.date) e."modelId" AS m, e.date AS d, e.kind::text IN ('ACTIVATE', 'RESUME') AS active
    FROM "LifecycleEvent" e WHERE e."modelId" IN (SELECT m FROM host)
    ORDER BY e."modelId", e.date, e.seq DESC
  ),
  active AS (
    SELECT m, s, e FROM (
      SELECT m, d AS s, coalesce(lead(d) OVER (PARTITION BY m ORDER BY d) - 1, 'infinity') AS e, active FROM last_of_day
    ) seg WHERE active
  ),
  -- A model counts in a commune while both hosted there and active.
  counted AS (
    SELECT h.c, h.t, h.area, h.m, greatest(h.s, a.s) AS s, least(h.e, a.e) AS e
    FROM host h JOIN active a ON a.m = h.m WHERE greatest(h.s, a.s) <= least(h.e, a.e)
  ),
  -- +1 on the first day, -1 on the day after the last.
  model_delta AS (
    SELECT c, t, area, s AS d, 1 AS n FROM counted
    UNION ALL
    SELECT c, t, area, e + 1, -1 FROM counted WHERE e < 'infinity'
  ),
  -- An area is covered (in total, or for a model type) while it has at least one counted model.
  area_models AS (
    SELECT c, NULL::uuid AS t, area, d, sum(n) AS n FROM model_delta WHERE area IS NOT NULL GROUP BY c, area, d
    UNION ALL
    SELECT c, t, area, d, sum(n) FROM model_delta WHERE area IS NOT NULL GROUP BY c, t, area, d
  ),
  area_covered AS (
    SELECT c, t, d, (running > 0)::int - (coalesce(lag(running) OVER w, 0) > 0)::int AS n
    FROM (SELECT c, t, area, d, sum(n) OVER (PARTITION BY c, t, area ORDER BY d) AS running FROM area_models) r
    WINDOW w AS (PARTITION BY c, t, area ORDER BY d)
  ),
  delta AS (
    SELECT c, NULL::uuid AS t, s AS d, 1 AS da, 0 AS dc, 0 AS dm FROM area_iv WHERE s <= e
    UNION ALL
    SELECT c, NULL, e + 1, -1, 0, 0 FROM area_iv WHERE s <= e AND e < 'infinity'
    UNION ALL
    SELECT c, t, d, 0, n, 0 FROM area_covered WHERE n <> 0
    UNION ALL
    SELECT c, NULL, d, 0, 0, n FROM model_delta
    UNION ALL
    SELECT c, t, d, 0, 0, n FROM model_delta
  ),
  -- Each day a figure changes, per commune and model type (the nil uuid: all types).
  by_day AS (
    SELECT c, coalesce(t, '00000000-0000-0000-0000-000000000000') AS t, d, sum(da) AS da, sum(dc) AS dc, sum(dm) AS dm
    FROM delta GROUP BY c, t, d
    HAVING sum(da) <> 0 OR sum(dc) <> 0 OR sum(dm) <> 0
  ),
  days AS (SELECT DISTINCT c, d FROM by_day),
  types AS (SELECT DISTINCT c, t FROM by_day),
  -- Every figure of the commune on each of its days: running sums over a grid of days and types.
  grid AS (
    SELECT k.c, k.t, dy.d,
      sum(coalesce(b.da, 0)) OVER w AS areas, sum(coalesce(b.dc, 0)) OVER w AS covered, sum(coalesce(b.dm, 0)) OVER w AS models
    FROM types k JOIN days dy ON dy.c = k.c LEFT JOIN by_day b ON b.c = k.c AND b.t = k.t AND b.d = dy.d
    WINDOW w AS (PARTITION BY k.c, k.t ORDER BY dy.d)
  ),
  -- A step lasts from one of the commune's days to the day before the next.
  steps AS (SELECT c, d, lead(d) OVER (PARTITION BY c ORDER BY d) - 1 AS e FROM days)
  SELECT g.c, nullif(g.d, '-infinity'), st.e,
    coalesce(sum(g.areas) FILTER (WHERE g.t = '00000000-0000-0000-0000-000000000000'), 0)::int AS areas,
    coalesce(sum(g.covered) FILTER (WHERE g.t = '00000000-0000-0000-0000-000000000000'), 0)::int AS covered,
    coalesce(sum(g.models) FILTER (WHERE g.t = '00000000-0000-0000-0000-000000000000'), 0)::int AS models,
    coalesce(string_agg(concat_ws(' ', g.t, g.models, g.covered), ';' ORDER BY g.t)
      FILTER (WHERE g.t <> '00000000-0000-0000-0000-000000000000' AND g.models > 0), '')
  FROM grid g JOIN steps st ON st.c = g.c AND st.d = g.d
  GROUP BY g.c, g.d, st.e
  HAVING sum(g.areas) FILTER (WHERE g.t = '00000000-0000-0000-0000-000000000000') <> 0
    OR sum(g.models) FILTER (WHERE g.t = '00000000-0000-0000-0000-000000000000') <> 0
$fn$;

-- Recomputes the steps of these communes (all: NULL). Concurrent refreshes of one commune
-- are serialised by a transaction lock per commune, taken in one order (no deadlock
-- between two refreshes), so each recomputes from what the other committed.
CREATE FUNCTION antq_refresh_coverage(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
BEGIN
  IF ids IS NULL THEN
    LOCK TABLE "CoverageStep" IN EXCLUSIVE MODE;
    DELETE FROM "CoverageStep";
  ELSE
    IF cardinality(ids) = 0 THEN RETURN; END IF;
    PERFORM pg_advisory_xact_lock(k) FROM (SELECT DISTINCT hashtextextended(i::text, 866) AS k FROM unnest(ids) i ORDER BY 1) l;
    DELETE FROM "CoverageStep" s WHERE s."communeId" = ANY (ids);
  END IF;
  -- The ids are written into the statement as a constant: only then does the planner inline
  -- the function, drop "ids IS NULL OR" and use the communes' indexes (12 ms for a commune of
  -- 50 areas at national scale, against 100 ms or more with ids as a parameter).
  EXECUTE format('INSERT INTO "CoverageStep" ("communeId", "validFrom", "validTo", areas, covered, models, "modelTypes")
    SELECT * FROM antq_coverage_steps(%L::uuid[])', ids);
END
$fn$;

-- The communes where models of these hosts are, or were, counted.
CREATE FUNCTION antq_communes_of_hosts(communes uuid[], areas uuid[], organizations uuid[]) RETURNS uuid[] LANGUAGE sql STABLE AS $fn$
  SELECT coalesce(array_agg(DISTINCT c), '{}') FROM (
    SELECT unnest(communes) AS c
    UNION ALL
    SELECT p."communeId" FROM "ResidentialAreaPlacement" p WHERE p."residentialAreaId" = ANY (areas)
    UNION ALL
    SELECT op."communeId" FROM "OrganizationPlacement" op WHERE op."organizationId" = ANY (organizations)
  ) x WHERE c IS NOT NULL
$fn$;

CREATE FUNCTION antq_coverage_changed() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ids uuid[];
BEGIN
  IF current_setting('antq.coverage', true) = 'deferred' THEN RETURN NULL; END IF;
  CASE TG_TABLE_NAME
    WHEN 'LifecycleEvent' THEN
      SELECT antq_communes_of_hosts(array_agg(m."communeId"), array_agg(m."residentialAreaId"), array_agg(m."organizationId")) INTO ids
      FROM "Model" m WHERE m.id IN (SELECT "modelId" FROM changed);
    WHEN 'Model' THEN
      SELECT antq_communes_of_hosts(array_agg("communeId"), array_agg("residentialAreaId"), array_agg("organizationId")) INTO ids FROM changed;
    WHEN 'ResidentialArea' THEN
      SELECT antq_communes_of_hosts(NULL, array_agg(id), NULL) INTO ids FROM changed;
    WHEN 'Organization' THEN
      SELECT antq_communes_of_hosts(NULL, NULL, array_agg(id)) INTO ids FROM changed;
    ELSE -- the placements
      SELECT coalesce(array_agg(DISTINCT "communeId"), '{}') INTO ids FROM changed;
  END CASE;
  PERFORM antq_refresh_coverage(ids);
  RETURN NULL;
END
$fn$;

DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['LifecycleEvent', 'Model', 'ResidentialArea', 'ResidentialAreaPlacement', 'Organization', 'OrganizationPlacement'] LOOP
    EXECUTE format('CREATE TRIGGER coverage_inserted AFTER INSERT ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION antq_coverage_changed()', t);
    EXECUTE format('CREATE TRIGGER coverage_updated_from AFTER UPDATE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION antq_coverage_changed()', t);
    EXECUTE format('CREATE TRIGGER coverage_updated_to AFTER UPDATE ON %I REFERENCING NEW TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION antq_coverage_changed()', t);
    EXECUTE format('CREATE TRIGGER coverage_deleted AFTER DELETE ON %I REFERENCING OLD TABLE AS changed FOR EACH STATEMENT EXECUTE FUNCTION antq_coverage_changed()', t);
  END LOOP;
END
$do$;

-- A database migrated with data already in it gets its steps now.
SELECT antq_refresh_coverage(NULL);
