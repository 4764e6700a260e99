/**
 * What each sealed value is bound to: its record and column. The API seals and opens with
 * these (AES-256-GCM with the context as additional data, graphql's security/crypto.ts),
 * and so does the demo seed through the `Seal` the API passes in, so a value moved to
 * another record or column no longer opens. One place for both.
 */

/** Seals `plaintext` bound to `context` (given by the API layer, which holds the key). */
export type Seal = (plaintext: string, context: string) => string;

export const sealedContext = {
  reintegrationPerson: (caseId: string) => `ReintegrationCase:${caseId}:person`,
  reintegrationOffence: (caseId: string) => `ReintegrationCase:${caseId}:offence`,
  reintegrationNote: (noteId: string) => `ReintegrationNote:${noteId}:body`,
} as const;
