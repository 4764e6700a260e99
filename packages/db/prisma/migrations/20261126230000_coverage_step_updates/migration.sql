-- An UPDATE refreshes the coverage steps of the communes whose figures it can change, once.
-- Before, two statement triggers (one over the old rows, one over the new) each refreshed the
-- communes of every row updated, whatever changed: a model's version bump (each member,
-- evaluation or edit of it) recomputed its communes twice, 20–60 ms at national scale, for
-- figures it cannot move. Now one trigger compares the old and new rows on the columns
-- antq_coverage_steps reads (a row whose columns are all the same moves nothing) and
-- refreshes the communes of the rows that differ, old and new places both.

CREATE FUNCTION antq_coverage_updated() RETURNS trigger LANGUAGE plpgsql AS $fn$
DECLARE ids uuid[];
BEGIN
  IF current_setting('antq.coverage', true) = 'deferred' THEN RETURN NULL; END IF;
  CASE TG_TABLE_NAME
    WHEN 'LifecycleEvent' THEN
      WITH moved AS (
        (SELECT id, "modelId", kind, date, seq FROM old_rows EXCEPT SELECT id, "modelId", kind, date, seq FROM new_rows)
        UNION ALL
        (SELECT id, "modelId", kind, date, seq FROM new_rows EXCEPT SELECT id, "modelId", kind, date, seq FROM old_rows)
      )
      SELECT antq_communes_of_hosts(array_agg(m."communeId"), array_agg(m."residentialAreaId"), array_agg(m."organizationId")) INTO ids
      FROM "Model" m WHERE m.id IN (SELECT "modelId" FROM moved);
    WHEN 'Model' THEN
      WITH moved AS (
        (SELECT id, "modelTypeId", "hostKind", "communeId", "residentialAreaId", "organizationId" FROM old_rows
         EXCEPT SELECT id, "modelTypeId", "hostKind", "communeId", "residentialAreaId", "organizationId" FROM new_rows)
        UNION ALL
        (SELECT id, "modelTypeId", "hostKind", "communeId", "residentialAreaId", "organizationId" FROM new_rows
         EXCEPT SELECT id, "modelTypeId", "hostKind", "communeId", "residentialAreaId", "organizationId" FROM old_rows)
      )
      SELECT antq_communes_of_hosts(array_agg("communeId"), array_agg("residentialAreaId"), array_agg("organizationId")) INTO ids FROM moved;
    WHEN 'ResidentialArea' THEN
      WITH moved AS (
        (SELECT id, "validFrom", "validTo" FROM old_rows EXCEPT SELECT id, "validFrom", "validTo" FROM new_rows)
        UNION ALL
        (SELECT id, "validFrom", "validTo" FROM new_rows EXCEPT SELECT id, "validFrom", "validTo" FROM old_rows)
      )
      SELECT antq_communes_of_hosts(NULL, array_agg(id), NULL) INTO ids FROM moved;
    WHEN 'Organization' THEN
      WITH moved AS (
        (SELECT id, "validFrom", "validTo" FROM old_rows EXCEPT SELECT id, "validFrom", "validTo" FROM new_rows)
        UNION ALL
        (SELECT id, "validFrom", "validTo" FROM new_rows EXCEPT SELECT id, "validFrom", "validTo" FROM old_rows)
      )
      SELECT antq_communes_of_hosts(NULL, NULL, array_agg(id)) INTO ids FROM moved;
    WHEN 'ResidentialAreaPlacement' THEN
      WITH moved AS (
        (SELECT id, "residentialAreaId", "communeId", "validFrom", "validTo" FROM old_rows EXCEPT SELECT id, "residentialAreaId", "communeId", "validFrom", "validTo" FROM new_rows)
        UNION ALL
        (SELECT id, "residentialAreaId", "communeId", "validFrom", "validTo" FROM new_rows EXCEPT SELECT id, "residentialAreaId", "communeId", "validFrom", "validTo" FROM old_rows)
      )
      SELECT array_agg(DISTINCT "communeId") INTO ids FROM moved;
    WHEN 'OrganizationPlacement' THEN
      WITH moved AS (
        (SELECT id, "organizationId", "communeId", "validFrom", "validTo" FROM old_rows EXCEPT SELECT id, "organizationId", "communeId", "validFrom", "validTo" FROM new_rows)
        UNION ALL
        (SELECT id, "organizationId", "communeId", "validFrom", "validTo" FROM new_rows EXCEPT SELECT id, "organizationId", "communeId", "validFrom", "validTo" FROM old_rows)
      )
      SELECT array_agg(DISTINCT "communeId") INTO ids FROM moved;
  END CASE;
  -- Nothing moved: no refresh (a NULL would mean every commune to antq_refresh_coverage).
  PERFORM antq_refresh_coverage(coalesce(ids, '{}'));
  RETURN NULL;
END
$fn$;

DO $do$
DECLARE t text;
BEGIN
  FOREACH t IN ARRAY ARRAY['LifecycleEvent', 'Model', 'ResidentialArea', 'ResidentialAreaPlacement', 'Organization', 'OrganizationPlacement'] LOOP
    EXECUTE format('DROP TRIGGER coverage_updated_from ON %I', t);
    EXECUTE format('DROP TRIGGER coverage_updated_to ON %I', t);
    EXECUTE format('CREATE TRIGGER coverage_updated AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION antq_coverage_updated()', t);
  END LOOP;
END
$do$;
