/**
 * Where each sealed value of a tip belongs (see security/crypto.ts): the context a value is
 * bound to names its tip and its column, so a value moved elsewhere no longer opens. The
 * API and the national data generator (`antq seed national`) seal through this one place.
 */
import type { SealTarget, SealText } from '@antq/db';
import { seal } from '../security/crypto.js';

export const sealedAs = {
  text: (tipNumber: string) => `Tip:${tipNumber}:text`,
  contact: (tipNumber: string) => `Tip:${tipNumber}:contact`,
  message: (tipId: string) => `TipMessage:${tipId}`,
};

/** The context of a generator's seal target. */
export function contextOf(target: SealTarget): string {
  switch (target.column) {
    case 'Tip.text':
      return sealedAs.text(target.tipNumber);
    case 'Tip.contact':
      return sealedAs.contact(target.tipNumber);
    case 'TipMessage.text':
      return sealedAs.message(target.tipId);
  }
}

/** Seals generated tips with the server's data key, as the API seals submitted ones. */
export function tipSealer(dataKey: Buffer): SealText {
  return (plaintext, target) => seal(dataKey, plaintext, contextOf(target));
}
