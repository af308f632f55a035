import { describe, expect, it } from 'vitest';
import { decisionReference } from '../../src/shared/domain/committees';
import {
  actionOverdue,
  agendaMinutes,
  attendanceMarkError,
  decisionLinkErrors,
  followedActions,
  minutesChangeErrors,
  moveItem,
  nextDecisionNumber,
  quorumOf,
  seatsHeld,
  sitsOn,
  type AttendanceMark,
  type SeatHolder,
} from '../../src/shared/rules/committees';

const titular = (id: number, role: SeatHolder['role'] = 'membre'): SeatHolder => ({
  id,
  role,
  seat: 'titulaire',
  substituteOf: null,
});
const substitute = (id: number, of: number | null): SeatHolder => ({
  id,
  role: 'membre',
  seat: 'suppleant',
  substituteOf: of,
});
const marks = (entries: [number, AttendanceMark['attendance'], number?][]) =>
  new Map<number, AttendanceMark>(
    entries.map(([id, attendance, by]) => [id, { attendance, representedByMemberId: by ?? null }]),
  );

describe('membership', () => {
  it('sits from its first to its last day, both included, open ends open', () => {
    expect(sitsOn({ memberFrom: null, memberUntil: null }, '2027-06-15')).toBe(true);
    expect(sitsOn({ memberFrom: '2027-06-15', memberUntil: null }, '2027-06-15')).toBe(true);
    expect(sitsOn({ memberFrom: '2027-06-16', memberUntil: null }, '2027-06-15')).toBe(false);
    expect(sitsOn({ memberFrom: null, memberUntil: '2027-06-15' }, '2027-06-15')).toBe(true);
    expect(sitsOn({ memberFrom: null, memberUntil: '2027-06-14' }, '2027-06-15')).toBe(false);
  });
});

describe('the quorum', () => {
  const members = [
    titular(1, 'president'),
    titular(2),
    titular(3),
    substitute(4, 3),
    titular(5, 'invite'),
  ];

  it('counts titular members present or represented, never guests', () => {
    expect(
      seatsHeld(
        members,
        marks([
          [1, 'present'],
          [2, 'represente', 1],
          [5, 'present'],
        ]),
      ),
    ).toBe(2);
    expect(
      seatsHeld(
        members,
        marks([
          [1, 'excuse'],
          [2, 'absent'],
        ]),
      ),
    ).toBe(0);
  });

  it('counts a seat once when its substitute stands in, or both are there', () => {
    expect(
      seatsHeld(
        members,
        marks([
          [3, 'excuse'],
          [4, 'present'],
        ]),
      ),
    ).toBe(1);
    expect(
      seatsHeld(
        members,
        marks([
          [3, 'present'],
          [4, 'present'],
        ]),
      ),
    ).toBe(1);
  });

  it('counts a substitute without a titular as a seat of their own', () => {
    expect(seatsHeld([substitute(9, null)], marks([[9, 'present']]))).toBe(1);
    expect(seatsHeld([substitute(9, 42)], marks([[9, 'present']]))).toBe(1);
  });

  it('says whether the quorum is reached, and nothing when the rules set none', () => {
    const m = marks([
      [1, 'present'],
      [2, 'present'],
    ]);
    expect(quorumOf(3, members, m)).toEqual({ required: 3, present: 2, reached: false });
    expect(quorumOf(2, members, m)).toEqual({ required: 2, present: 2, reached: true });
    expect(quorumOf(null, members, m)).toBeNull();
  });
});

describe('decisions', () => {
  it('numbers after the highest number taken, from 1', () => {
    expect(nextDecisionNumber([])).toBe(1);
    expect(nextDecisionNumber([1, 2, 3])).toBe(4);
    expect(nextDecisionNumber([1, 4])).toBe(5);
  });

  it('reads « COPIL-2027-03 »', () => {
    expect(decisionReference('copil', 2027, 3)).toBe('COPIL-2027-03');
    expect(decisionReference('cotech', 2028, 12)).toBe('COTECH-2028-12');
  });

  it('needs the record a status-changing decision changes', () => {
    const none = { structureId: null, promeneurId: null };
    expect(decisionLinkErrors('structure_retenue', none)).toEqual({
      structureId: 'Choisissez la structure retenue.',
    });
    expect(decisionLinkErrors('promeneur_exclu', none)).toEqual({
      promeneurId: 'Choisissez le Promeneur exclu.',
    });
    expect(decisionLinkErrors('structure_retenue', { ...none, structureId: 3 })).toEqual({});
    expect(decisionLinkErrors('budget_valide', none)).toEqual({});
  });
});

describe('the agenda', () => {
  it('moves an item one place, and leaves the ends alone', () => {
    expect(moveItem([1, 2, 3], 2, 'up')).toEqual([2, 1, 3]);
    expect(moveItem([1, 2, 3], 2, 'down')).toEqual([1, 3, 2]);
    const ids = [1, 2, 3];
    expect(moveItem(ids, 1, 'up')).toBe(ids);
    expect(moveItem(ids, 3, 'down')).toBe(ids);
    expect(moveItem(ids, 9, 'down')).toBe(ids);
  });

  it('adds up the planned durations', () => {
    expect(
      agendaMinutes([{ durationMinutes: 30 }, { durationMinutes: null }, { durationMinutes: 45 }]),
    ).toBe(75);
  });
});

describe('actions', () => {
  const action = (
    id: number,
    eventId: number,
    status: 'a_faire' | 'en_cours' | 'faite' | 'abandonnee',
    dueOn: string | null,
  ) => ({ id, eventId, status, dueOn });

  it('follows up the previous meeting’s actions and older ones still open, open first', () => {
    const earlier = [
      action(1, 10, 'faite', '2027-01-10'),
      action(2, 10, 'a_faire', null),
      action(3, 20, 'faite', '2027-03-01'),
      action(4, 20, 'en_cours', '2027-04-01'),
      action(5, 20, 'a_faire', '2027-03-15'),
      action(6, 10, 'abandonnee', null),
    ];
    expect(followedActions(earlier, 20).map((a) => a.id)).toEqual([5, 4, 2, 3]);
    expect(followedActions(earlier, null).map((a) => a.id)).toEqual([5, 4, 2]);
  });

  it('is overdue when open and past its due date', () => {
    expect(actionOverdue({ status: 'a_faire', dueOn: '2027-03-01' }, '2027-03-02')).toBe(true);
    expect(actionOverdue({ status: 'a_faire', dueOn: '2027-03-02' }, '2027-03-02')).toBe(false);
    expect(actionOverdue({ status: 'faite', dueOn: '2027-03-01' }, '2027-03-02')).toBe(false);
    expect(actionOverdue({ status: 'en_cours', dueOn: null }, '2027-03-02')).toBe(false);
  });
});

describe('the life of the minutes', () => {
  const change = {
    status: 'approuve' as const,
    approvedOn: '2027-12-01',
    circulatedOn: null,
    recipients: null,
  };

  it('asks for the day of approval, not before the meeting', () => {
    expect(minutesChangeErrors(change, '2027-06-15')).toEqual({});
    expect(minutesChangeErrors({ ...change, approvedOn: null }, '2027-06-15')).toEqual({
      approvedOn: 'Indiquez la date d’approbation.',
    });
    expect(minutesChangeErrors({ ...change, approvedOn: '2027-06-14' }, '2027-06-15')).toEqual({
      approvedOn: 'L’approbation ne peut précéder la réunion.',
    });
  });

  it('asks, to circulate, for the day (after approval) and the recipients', () => {
    const circulated = { ...change, status: 'diffuse' as const };
    expect(minutesChangeErrors(circulated, '2027-06-15')).toEqual({
      circulatedOn: 'Indiquez la date de diffusion.',
      recipients: 'Indiquez à qui le compte rendu a été diffusé.',
    });
    expect(
      minutesChangeErrors(
        { ...circulated, circulatedOn: '2027-11-30', recipients: 'Membres' },
        '2027-06-15',
      ),
    ).toEqual({ circulatedOn: 'La diffusion ne peut précéder l’approbation.' });
    expect(
      minutesChangeErrors(
        { ...circulated, circulatedOn: '2027-12-02', recipients: 'Membres' },
        '2027-06-15',
      ),
    ).toEqual({});
  });

  it('lets a draft be a draft', () => {
    expect(
      minutesChangeErrors(
        { status: 'brouillon', approvedOn: null, circulatedOn: null, recipients: null },
        '2027-06-15',
      ),
    ).toEqual({});
  });
});

describe('attendance marks', () => {
  const ids = new Set([1, 2, 3]);
  it('needs a representative from the same committee, other than the member', () => {
    expect(
      attendanceMarkError(1, { attendance: 'represente', representedByMemberId: 2 }, ids),
    ).toBeNull();
    expect(
      attendanceMarkError(1, { attendance: 'represente', representedByMemberId: null }, ids),
    ).toBe('Indiquez qui représente ce membre.');
    expect(
      attendanceMarkError(1, { attendance: 'represente', representedByMemberId: 1 }, ids),
    ).toBe('Un membre ne peut se représenter lui-même.');
    expect(
      attendanceMarkError(1, { attendance: 'represente', representedByMemberId: 9 }, ids),
    ).toBe('Le représentant doit être un membre de la même instance.');
  });
  it('names no one for the other marks', () => {
    expect(
      attendanceMarkError(1, { attendance: 'present', representedByMemberId: null }, ids),
    ).toBeNull();
    expect(attendanceMarkError(1, { attendance: 'excuse', representedByMemberId: 2 }, ids)).toBe(
      'Seul un membre représenté a un représentant.',
    );
  });
});
