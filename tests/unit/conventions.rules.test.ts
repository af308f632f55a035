/**
 * The convention date and money rules (src/shared/rules/conventions.ts): covered years,
 * anniversaries, notice deadlines, yearly obligations, amendments, terminations, renewals
 * and totals — mid-year starts, one to three years, leap years, the J/M setting.
 */
import { describe, expect, it } from 'vitest';
import {
  addDays,
  amendedTerms,
  anniversaries,
  conventionDeadlines,
  coveredYears,
  eachYearlyObligation,
  dateInYear,
  formatEuros,
  isValidDayOfMonth,
  lastDayInForce,
  monthsBetween,
  noticeDeadlines,
  obligationLabel,
  renewalTerms,
  yearlyObligations,
  yearTotals,
  type ConventionTerms,
} from '../../src/shared/rules/conventions';
import { addMonths } from '../../src/shared/rules/dates';

const JUNE_30 = { day: 30, month: 6 };

const terms = (startDate: string, endDate: string, extra: Partial<ConventionTerms> = {}) => ({
  startDate,
  endDate,
  fundedPromeneurs: 2,
  subsidies: [],
  ...extra,
});

describe('calendar helpers', () => {
  it('adds days across months, years and leap days', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2027-01-01', -1)).toBe('2026-12-31');
  });

  it('clamps a day of month to the month’s length', () => {
    expect(dateInYear(2027, 2, 29)).toBe('2027-02-28');
    expect(dateInYear(2028, 2, 29)).toBe('2028-02-29');
    expect(dateInYear(2027, 6, 30)).toBe('2027-06-30');
  });

  it('knows which J/M dates exist', () => {
    expect(isValidDayOfMonth(29, 2)).toBe(true);
    expect(isValidDayOfMonth(30, 2)).toBe(false);
    expect(isValidDayOfMonth(31, 4)).toBe(false);
    expect(isValidDayOfMonth(31, 12)).toBe(true);
    expect(isValidDayOfMonth(1, 13)).toBe(false);
    expect(isValidDayOfMonth(0, 1)).toBe(false);
  });

  it('counts whole months between two dates', () => {
    expect(monthsBetween('2026-01-01', '2027-01-01')).toBe(12);
    expect(monthsBetween('2026-09-15', '2029-09-15')).toBe(36);
    expect(monthsBetween('2026-09-15', '2029-09-14')).toBe(35);
    expect(monthsBetween('2026-01-31', '2026-02-28')).toBe(1);
  });
});

describe('covered years and anniversaries', () => {
  it('covers every calendar year the period touches', () => {
    expect(coveredYears('2026-01-01', '2026-12-31')).toEqual([2026]);
    expect(coveredYears('2026-09-01', '2029-08-31')).toEqual([2026, 2027, 2028, 2029]);
    expect(coveredYears('2026-01-01', '2028-12-31')).toEqual([2026, 2027, 2028]);
  });

  it('gives one anniversary per covered year of agreement, the last one the day after the end', () => {
    expect(anniversaries('2026-01-01', '2026-12-31')).toEqual(['2027-01-01']);
    expect(anniversaries('2026-01-01', '2028-12-31')).toEqual([
      '2027-01-01',
      '2028-01-01',
      '2029-01-01',
    ]);
    expect(anniversaries('2026-09-15', '2028-09-14')).toEqual(['2027-09-15', '2028-09-15']);
  });

  it('has no anniversary for a period shorter than a year', () => {
    expect(anniversaries('2026-03-01', '2026-12-31')).toEqual([]);
  });

  it('moves a 29 February anniversary to 28 February in common years', () => {
    expect(anniversaries('2028-02-29', '2031-02-28')).toEqual([
      '2029-02-28',
      '2030-02-28',
      '2031-02-28',
    ]);
  });
});

describe('notice deadlines (termination at an anniversary, three months before)', () => {
  it('gives the last day to give notice before each anniversary inside the period', () => {
    expect(noticeDeadlines('2026-01-01', '2028-12-31')).toEqual([
      { anniversary: '2027-01-01', noticeBy: '2026-10-01' },
      { anniversary: '2028-01-01', noticeBy: '2027-10-01' },
    ]);
  });

  it('needs no notice for a one-year agreement: it simply ends', () => {
    expect(noticeDeadlines('2026-01-01', '2026-12-31')).toEqual([]);
  });

  it('clamps to the month’s last day (31 May minus three months is 28 or 29 February)', () => {
    expect(noticeDeadlines('2026-05-31', '2028-05-30')).toEqual([
      { anniversary: '2027-05-31', noticeBy: '2027-02-28' },
    ]);
    expect(noticeDeadlines('2027-05-31', '2029-05-30')).toEqual([
      { anniversary: '2028-05-31', noticeBy: '2028-02-29' },
    ]);
  });

  it('lists the end and every notice date as deadlines to watch', () => {
    expect(conventionDeadlines(terms('2026-01-01', '2027-12-31'))).toEqual([
      { key: 'notice:2027-01-01', kind: 'notice', date: '2026-10-01', anniversary: '2027-01-01' },
      { key: 'end', kind: 'end', date: '2027-12-31', anniversary: null },
    ]);
  });
});

describe('yearly obligations', () => {
  const keys = (items: { key: string }[]) => items.map((i) => i.key);

  it('generates, for each covered year, the certificate by 31/12 and three documents by J/M of N+1', () => {
    const items = yearlyObligations(terms('2026-01-01', '2026-12-31'), JUNE_30);
    expect(items).toEqual([
      {
        key: 'attestation_service_fait:2026',
        kind: 'attestation_service_fait',
        year: 2026,
        dueOn: '2026-12-31',
        label: 'Attestation de service fait 2026',
      },
      {
        key: 'bilan_anniversaire:1',
        kind: 'bilan_anniversaire',
        year: 2027,
        dueOn: '2027-01-01',
        label: 'Bilan d’activité et compte de résultat annuels (1re année, au 01/01/2027)',
      },
      {
        key: 'bilan_qualitatif:2026',
        kind: 'bilan_qualitatif',
        year: 2026,
        dueOn: '2027-06-30',
        label: 'Bilan qualitatif et quantitatif 2025',
      },
      {
        key: 'budget_previsionnel:2026',
        kind: 'budget_previsionnel',
        year: 2026,
        dueOn: '2027-06-30',
        label: 'Budget prévisionnel 2026',
      },
      {
        key: 'compte_resultat:2026',
        kind: 'compte_resultat',
        year: 2026,
        dueOn: '2027-06-30',
        label: 'Compte de résultat 2025',
      },
    ]);
  });

  it('covers every year of a three-year agreement starting mid-year', () => {
    const items = yearlyObligations(terms('2026-09-01', '2029-08-31'), JUNE_30);
    const certificates = items.filter((i) => i.kind === 'attestation_service_fait');
    expect(certificates.map((i) => i.dueOn)).toEqual([
      '2026-12-31',
      '2027-12-31',
      '2028-12-31',
      '2029-12-31',
    ]);
    const reports = items.filter((i) => i.kind === 'bilan_anniversaire');
    expect(reports.map((i) => i.dueOn)).toEqual(['2027-09-01', '2028-09-01', '2029-09-01']);
    expect(items).toHaveLength(4 * 4 + 3);
  });

  it('is sorted by due date', () => {
    const items = yearlyObligations(terms('2026-09-01', '2029-08-31'), JUNE_30);
    const dates = items.map((i) => i.dueOn);
    expect(dates).toEqual([...dates].sort());
  });

  it('follows the J/M setting, clamping 29/02 in common years', () => {
    const items = yearlyObligations(terms('2026-01-01', '2027-12-31'), { day: 29, month: 2 });
    const budgets = items.filter((i) => i.kind === 'budget_previsionnel');
    expect(budgets.map((i) => i.dueOn)).toEqual(['2027-02-28', '2028-02-29']);
    const march = yearlyObligations(terms('2026-01-01', '2027-12-31'), { day: 31, month: 3 });
    expect(march.filter((i) => i.kind === 'compte_resultat').map((i) => i.dueOn)).toEqual([
      '2027-03-31',
      '2028-03-31',
    ]);
  });

  it('keeps the same keys when only the J/M setting changes', () => {
    const a = yearlyObligations(terms('2026-01-01', '2027-12-31'), JUNE_30);
    const b = yearlyObligations(terms('2026-01-01', '2027-12-31'), { day: 15, month: 4 });
    expect(keys(b).sort()).toEqual(keys(a).sort());
  });

  it('drops what falls after a termination, and keeps the year it took effect', () => {
    const full = yearlyObligations(terms('2026-01-01', '2028-12-31'), JUNE_30);
    const ended = yearlyObligations(terms('2026-01-01', '2028-12-31'), JUNE_30, '2027-01-01');
    expect(full.some((i) => i.year === 2028)).toBe(true);
    expect(ended.map((i) => i.year).every((y) => y <= 2027)).toBe(true);
    expect(keys(ended)).toEqual(expect.arrayContaining(['attestation_service_fait:2026']));
    expect(keys(ended)).not.toContain('attestation_service_fait:2027');
    expect(keys(ended)).toContain('bilan_anniversaire:1');
    expect(keys(ended)).not.toContain('bilan_anniversaire:2');
  });

  it('generates nothing for an agreement terminated before it started', () => {
    expect(yearlyObligations(terms('2026-01-01', '2026-12-31'), JUNE_30, '2026-01-01')).toEqual([]);
  });

  it('never lets a termination after the end extend the agreement', () => {
    expect(lastDayInForce('2026-12-31', '2027-06-01')).toBe('2026-12-31');
    expect(lastDayInForce('2026-12-31', '2026-07-01')).toBe('2026-06-30');
    expect(lastDayInForce('2026-12-31', null)).toBe('2026-12-31');
  });
});

describe('bounded to the to-do list’s horizon', () => {
  /** Every day from the start of one year to the end of another, YYYY-MM-DD. */
  const days = (from: number, to: number) => {
    const out: string[] = [];
    for (let t = Date.UTC(from, 0, 1); t < Date.UTC(to + 1, 0, 1); t += 86_400_000)
      out.push(new Date(t).toISOString().slice(0, 10));
    return out;
  };
  // Starts on the month's first, last and 29 February; one to five years; horizons around them.
  const starts = ['2024-02-29', '2025-01-01', '2025-05-31', '2025-08-15', '2025-12-31'];
  const lengths = [6, 12, 24, 36, 60];
  const probes = [
    '2024-06-30',
    '2025-12-31',
    '2026-02-28',
    '2026-03-01',
    '2027-05-30',
    '2031-01-01',
  ];

  it('adds days and places a J/M date exactly as the calendar does', () => {
    const byDate = (iso: string, n: number) => {
      const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
      return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
    };
    for (const day of days(1999, 2032))
      for (const n of [
        -400, -366, -365, -60, -31, -29, -28, -1, 0, 1, 15, 28, 29, 31, 60, 365, 366,
      ])
        if (addDays(day, n) !== byDate(day, n))
          expect(addDays(day, n), `${day} + ${n}`).toBe(byDate(day, n));
    expect(addDays('2026-02-31', 1)).toBe('2026-03-04');
    expect(addDays('2026-12-31', 5000)).toBe('2040-09-08');
    for (let year = 1996; year <= 2032; year++)
      for (let month = 1; month <= 12; month++)
        for (const day of [1, 28, 29, 30, 31]) {
          const lastDay = new Date(Date.UTC(year, month, 0)).getUTCDate();
          const expected = `${year}-${String(month).padStart(2, '0')}-${String(Math.min(day, lastDay)).padStart(2, '0')}`;
          if (dateInYear(year, month, day) !== expected)
            expect(dateInYear(year, month, day), `${day}/${month}/${year}`).toBe(expected);
        }
  });

  it('gives each anniversary as adding years to the start does', () => {
    for (const start of days(2023, 2025))
      expect(anniversaries(start, addMonths(start, 60)), start).toEqual(
        [1, 2, 3, 4, 5, 6]
          .map((k) => addMonths(start, 12 * k))
          .filter((a) => a <= addDays(addMonths(start, 60), 1)),
      );
  });

  it('stops the anniversaries and the obligations at the horizon, leaving out nothing before', () => {
    for (const start of starts)
      for (const months of lengths) {
        const end = addDays(addMonths(start, months), -1);
        for (const endedOn of [null, addMonths(start, 7)])
          for (const until of probes) {
            expect(anniversaries(start, end, until)).toEqual(
              anniversaries(start, end).filter((a) => a <= until),
            );
            const seen: string[] = [];
            eachYearlyObligation(
              { startDate: start, endDate: end },
              JUNE_30,
              endedOn,
              (key, kind, year, dueOn, rank) =>
                seen.push(`${dueOn} ${key} ${year} ${obligationLabel(kind, year, dueOn, rank)}`),
              until,
            );
            const all = yearlyObligations({ startDate: start, endDate: end }, JUNE_30, endedOn)
              .filter((o) => o.dueOn <= until)
              .map((o) => `${o.dueOn} ${o.key} ${o.year} ${o.label}`);
            expect(seen.sort(), `${start} ${months} ${endedOn} ${until}`).toEqual(all.sort());
          }
      }
  });

  it('gives, within a window, the deadlines the to-do list keeps of the whole list', () => {
    for (const start of starts)
      for (const months of lengths) {
        const t = { startDate: start, endDate: addDays(addMonths(start, months), -1) };
        for (const after of probes)
          for (const horizon of [0, 1, 4, 12, 36]) {
            const until = addMonths(after, horizon);
            expect(
              conventionDeadlines(t, { after, until }),
              `${start} ${months} ${after} ${until}`,
            ).toEqual(
              conventionDeadlines(t).filter(
                (d) => d.date <= until && (d.kind === 'end' || d.anniversary! > after),
              ),
            );
          }
      }
  });
});

describe('amendments', () => {
  const base: ConventionTerms = {
    startDate: '2026-01-01',
    endDate: '2027-12-31',
    fundedPromeneurs: 2,
    subsidies: [
      { year: 2026, amountCents: 800_000 },
      { year: 2027, amountCents: 800_000 },
    ],
  };

  it('returns the terms as signed without amendments', () => {
    expect(amendedTerms(base, [])).toEqual(base);
  });

  it('extends the end date, adds a year’s subsidy and changes the funded Promeneurs', () => {
    const amended = amendedTerms(base, [
      {
        signedOn: '2027-06-01',
        endDate: '2028-12-31',
        fundedPromeneurs: 3,
        subsidies: [{ year: 2028, amountCents: 1_200_000 }],
      },
    ]);
    expect(amended).toEqual({
      startDate: '2026-01-01',
      endDate: '2028-12-31',
      fundedPromeneurs: 3,
      subsidies: [...base.subsidies, { year: 2028, amountCents: 1_200_000 }],
    });
  });

  it('applies amendments in order of signature, the later one winning', () => {
    const later = {
      signedOn: '2027-09-01',
      endDate: null,
      fundedPromeneurs: 4,
      subsidies: [{ year: 2027, amountCents: 900_000 }],
    };
    const earlier = {
      signedOn: '2027-03-01',
      endDate: '2028-06-30',
      fundedPromeneurs: 3,
      subsidies: [{ year: 2027, amountCents: 850_000 }],
    };
    const amended = amendedTerms(base, [later, earlier]);
    expect(amended.endDate).toBe('2028-06-30');
    expect(amended.fundedPromeneurs).toBe(4);
    expect(amended.subsidies).toEqual([
      { year: 2026, amountCents: 800_000 },
      { year: 2027, amountCents: 900_000 },
    ]);
  });

  it('drops the subsidy of a year an amendment no longer covers', () => {
    const amended = amendedTerms(base, [
      { signedOn: '2026-06-01', endDate: '2026-12-31', fundedPromeneurs: null, subsidies: [] },
    ]);
    expect(amended.subsidies).toEqual([{ year: 2026, amountCents: 800_000 }]);
  });

  it('makes the obligations follow an amendment that moves the end date', () => {
    const before = yearlyObligations(base, JUNE_30);
    const after = yearlyObligations(
      amendedTerms(base, [
        { signedOn: '2027-06-01', endDate: '2028-12-31', fundedPromeneurs: null, subsidies: [] },
      ]),
      JUNE_30,
    );
    const added = after.filter((i) => !before.some((b) => b.key === i.key)).map((i) => i.key);
    expect(added.sort()).toEqual([
      'attestation_service_fait:2028',
      'bilan_anniversaire:3',
      'bilan_qualitatif:2028',
      'budget_previsionnel:2028',
      'compte_resultat:2028',
    ]);
    // What both lists share keeps its key and due date.
    for (const b of before) expect(after.find((a) => a.key === b.key)?.dueOn).toBe(b.dueOn);
  });
});

describe('renewal', () => {
  it('starts the day after the end, lasts as long and carries the last year’s amount', () => {
    const previous: ConventionTerms = {
      startDate: '2024-01-01',
      endDate: '2026-12-31',
      fundedPromeneurs: 3,
      subsidies: [
        { year: 2024, amountCents: 1_000_000 },
        { year: 2025, amountCents: 1_000_000 },
        { year: 2026, amountCents: 1_200_000 },
      ],
    };
    expect(renewalTerms(previous)).toEqual({
      startDate: '2027-01-01',
      endDate: '2029-12-31',
      fundedPromeneurs: 3,
      subsidies: [
        { year: 2027, amountCents: 1_200_000 },
        { year: 2028, amountCents: 1_200_000 },
        { year: 2029, amountCents: 1_200_000 },
      ],
    });
  });

  it('chains a mid-year agreement to its successor without a gap', () => {
    const renewal = renewalTerms(terms('2025-09-15', '2026-09-14'));
    expect(renewal.startDate).toBe('2026-09-15');
    expect(renewal.endDate).toBe('2027-09-14');
    expect(renewal.subsidies.map((s) => s.year)).toEqual([2026, 2027]);
    expect(renewal.subsidies.every((s) => s.amountCents === 0)).toBe(true);
  });

  it('keeps a leap-day start on track', () => {
    const renewal = renewalTerms(terms('2028-02-29', '2029-02-27'));
    expect(renewal.startDate).toBe('2029-02-28');
    expect(renewal.endDate).toBe('2030-02-27');
  });
});

describe('money', () => {
  it('sums committed, paid and planned per year', () => {
    expect(
      yearTotals(
        [
          { year: 2026, amountCents: 800_000 },
          { year: 2027, amountCents: 800_000 },
        ],
        [
          { year: 2026, amountCents: 400_000, paidOn: '2026-03-01' },
          { year: 2026, amountCents: 400_000, paidOn: null },
          { year: 2027, amountCents: 500_000, paidOn: '2027-03-01' },
        ],
      ),
    ).toEqual([
      {
        year: 2026,
        committedCents: 800_000,
        paidCents: 400_000,
        plannedCents: 400_000,
        remainingCents: 400_000,
      },
      {
        year: 2027,
        committedCents: 800_000,
        paidCents: 500_000,
        plannedCents: 0,
        remainingCents: 300_000,
      },
    ]);
  });

  it('shows a payment made for a year without subsidy as an overpayment', () => {
    expect(yearTotals([], [{ year: 2026, amountCents: 1000, paidOn: '2026-01-01' }])).toEqual([
      { year: 2026, committedCents: 0, paidCents: 1000, plannedCents: 0, remainingCents: -1000 },
    ]);
  });

  it('writes euros the French way', () => {
    expect(formatEuros(1_234_560).replace(/\s/g, ' ')).toBe('12 345,60 €');
  });
});
