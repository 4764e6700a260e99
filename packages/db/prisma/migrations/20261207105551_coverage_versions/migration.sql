-- CreateTable
CREATE TABLE "CoverageVersion" (
    "communeId" UUID NOT NULL,
    "refreshes" BIGINT NOT NULL DEFAULT 1,

    CONSTRAINT "CoverageVersion_pkey" PRIMARY KEY ("communeId")
);

-- Every refresh of a commune's steps adds one to its row, in the refresh's transaction and
-- under the commune's advisory lock (so two writers never take these rows in opposite
-- orders). The sum over the table therefore grows with every commit that changed a step:
-- what a server compares to know whether the coverage it keeps is still the database's.
CREATE OR REPLACE FUNCTION antq_refresh_coverage(ids uuid[]) RETURNS void LANGUAGE plpgsql AS $fn$
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
  IF ids IS NULL THEN
    UPDATE "CoverageVersion" SET refreshes = refreshes + 1;
    INSERT INTO "CoverageVersion" ("communeId") SELECT DISTINCT "communeId" FROM "CoverageStep" ON CONFLICT DO NOTHING;
  ELSE
    INSERT INTO "CoverageVersion" ("communeId") SELECT DISTINCT i FROM unnest(ids) i ORDER BY 1
    ON CONFLICT ("communeId") DO UPDATE SET refreshes = "CoverageVersion".refreshes + 1;
  END IF;
END
$fn$;

-- A database migrated with steps already in it: one row per commune that has them.
INSERT INTO "CoverageVersion" ("communeId") SELECT DISTINCT "communeId" FROM "CoverageStep";
