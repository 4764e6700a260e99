/**
 * Invented people for the generators: names from the demo's word lists, and identity
 * numbers and phones that are well-formed but visibly fake.
 */
import { addDays, addYears, type IsoDate } from '@antq/core';
import { personName } from '../demo/names.js';
import type { Random } from '../demo/random.js';

/** A person's invented but well-formed personal data. */
export interface FakePerson {
  readonly fullName: string;
  readonly birthDate: IsoDate;
  readonly citizenId: string;
  readonly phone: string;
}

/** Numbers people in the order they are made, so that each gets its own identity number (up to a million). */
export class FakePeople {
  private made = 0;

  /** How many people were made. */
  get count(): number {
    return this.made;
  }

  next(random: Random, female: boolean, birthDate: IsoDate): FakePerson {
    const n = this.made++;
    const year = Number(birthDate.slice(0, 4));
    // Citizen identity number: 3-digit province of birth, century-and-sex digit, 2-digit
    // year of birth, 6 digits. Province "000" does not exist: every generated number starts with it.
    const centurySex = (year >= 2000 ? 2 : 0) + (female ? 1 : 0);
    const citizenId = `000${centurySex}${String(year % 100).padStart(2, '0')}${String(n % 1_000_000).padStart(6, '0')}`;
    // Mobile numbers 0X0000NNNN (X = 3, 7, 8, 9): the run of four zeros marks them as generated.
    const phone = `0${'3789'[n % 4]}0000${String(Math.floor(n / 4) % 10_000).padStart(4, '0')}`;
    return { fullName: personName(random, female), birthDate, citizenId, phone };
  }
}

/** A birth date that makes the person `age` on `on`. */
export const birthDateFor = (random: Random, on: IsoDate, age: number): IsoDate =>
  random.date(addDays(addYears(on, -(age + 1)), 1), addYears(on, -age));
