/**
 * The status workflows of inspections, tips and re-integration cases, each checked the same
 * way: the moves it allows and refuses, and its final statuses (those with no move out).
 */
import { describe, expect, it } from 'vitest';
import {
  canMoveCase,
  canMoveInspection,
  canMoveTip,
  INSPECTION_STATUSES,
  INSPECTION_TRANSITIONS,
  REINTEGRATION_STATUSES,
  REINTEGRATION_TRANSITIONS,
  TIP_STATUSES,
  TIP_TRANSITIONS,
} from '../src/index.js';

interface Workflow<S extends string> {
  readonly canMove: (from: S, to: S) => boolean;
  readonly statuses: readonly S[];
  readonly transitions: Readonly<Record<S, readonly S[]>>;
  /** The statuses with no move out, in the order of `statuses`. */
  readonly final: readonly S[];
  /** From, to, and whether the move is allowed. */
  readonly moves: ReadonlyArray<readonly [S, S, boolean]>;
}

function describeWorkflow<S extends string>(name: string, w: Workflow<S>): void {
  describe(name, () => {
    it.each(w.moves)('%s → %s: %s', (from, to, allowed) => {
      expect(w.canMove(from, to)).toBe(allowed);
    });
    it('has final states only at the end', () => {
      expect(w.statuses.filter((s) => w.transitions[s].length === 0)).toEqual(w.final);
    });
  });
}

describeWorkflow('inspection workflow', {
  canMove: canMoveInspection,
  statuses: INSPECTION_STATUSES,
  transitions: INSPECTION_TRANSITIONS,
  final: ['DONE', 'CANCELLED'],
  moves: [
    ['PLANNED', 'DONE', true],
    ['PLANNED', 'CANCELLED', true],
    ['PLANNED', 'PLANNED', false],
    ['DONE', 'CANCELLED', false],
    ['DONE', 'PLANNED', false],
    ['CANCELLED', 'DONE', false],
  ],
});

describeWorkflow('tip workflow', {
  canMove: canMoveTip,
  statuses: TIP_STATUSES,
  transitions: TIP_TRANSITIONS,
  final: ['RESOLVED', 'REJECTED'],
  moves: [
    ['RECEIVED', 'VERIFYING', true],
    ['RECEIVED', 'RESOLVED', false],
    ['VERIFYING', 'RESOLVED', true],
    ['FORWARDED', 'RESOLVED', true],
    ['RESOLVED', 'VERIFYING', false],
    ['REJECTED', 'RECEIVED', false],
  ],
});

// One open status (ONGOING); the others are final.
describeWorkflow('re-integration case workflow', {
  canMove: canMoveCase,
  statuses: REINTEGRATION_STATUSES,
  transitions: REINTEGRATION_TRANSITIONS,
  final: ['COMPLETED', 'REOFFENDED', 'MOVED_AWAY', 'CLOSED'],
  moves: [
    ['ONGOING', 'COMPLETED', true],
    ['ONGOING', 'REOFFENDED', true],
    ['ONGOING', 'ONGOING', false],
    ['COMPLETED', 'ONGOING', false],
    ['REOFFENDED', 'COMPLETED', false],
  ],
});
