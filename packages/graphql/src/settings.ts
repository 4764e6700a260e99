/**
 * Server settings: parameters of the movement's rules that no national text fixes, chosen
 * by whoever runs the server. Each has a documented default; `antq serve` reads them from
 * the environment, an embedding program passes them to `createAntqYoga({ settings })`.
 */

export interface ServerSettings {
  /**
   * Days a model must have been ACTIVE (summed over its active spells, suspensions not
   * counted) by the end of a period before it may be rated for that period (core's
   * `canRateModel`). DOMAIN.md found no national figure; the default is 180 days (six
   * months), the span a model is commonly given to run before a first review.
   * Environment: `ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS`.
   */
  readonly minimumActiveDaysToRateModel: number;
}

export const DEFAULT_SETTINGS: ServerSettings = { minimumActiveDaysToRateModel: 180 };

/** The settings with those given over the defaults; a value that is not a whole number ≥ 0 is refused. */
export function serverSettings(given: Partial<ServerSettings> = {}): ServerSettings {
  const settings = { ...DEFAULT_SETTINGS, ...Object.fromEntries(Object.entries(given).filter(([, v]) => v !== undefined)) };
  if (!Number.isInteger(settings.minimumActiveDaysToRateModel) || settings.minimumActiveDaysToRateModel < 0) {
    throw new Error(
      `minimumActiveDaysToRateModel must be a whole number of days, 0 or more (got ${String(settings.minimumActiveDaysToRateModel)})`,
    );
  }
  return settings;
}

/** The settings from the environment (see each setting for its variable). */
export function settingsFromEnv(env: NodeJS.ProcessEnv = process.env): ServerSettings {
  const days = env.ANTQ_MODEL_RATING_MIN_ACTIVE_DAYS;
  return serverSettings({ minimumActiveDaysToRateModel: days === undefined || days === '' ? undefined : Number(days) });
}
