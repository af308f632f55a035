/**
 * The nation's funding agreements: for each structure of the network, the chain of
 * agreements of the last years (first one, then renewals, three years each, sometimes two
 * or four), with the supporting documents of the guide's annex 2 (a few still missing on
 * current ones), the obligations due so far (mostly received, some late), yearly subsidies
 * and their payments (an advance in spring, the balance the next summer, a few held back);
 * terminated at an anniversary for the structures that left, drafts for those just selected.
 */
import { REQUIRED_DOCUMENTS, type ConventionStatus } from '../../../shared/domain/conventions';
import {
  coveredYears,
  DEFAULT_OBLIGATION_DEADLINE,
  yearlyObligations,
} from '../../../shared/rules/conventions';
import { searchKeyOf } from '../../../shared/rules/text';
import {
  addDays,
  addMonthsTo,
  earliest,
  firstOfNextMonth,
  inserter,
  instantOn,
  latest,
  yearOf,
  type Gen,
} from './context';
import type { NationDirectory, NationStructure } from './directory';

/** The flat rate per funded Promeneur and per full year, in cents (fictional). */
const RATE_CENTS = 400_000;

function subsidiesOf(startDate: string, endDate: string, promeneurs: number) {
  return coveredYears(startDate, endDate).map((year) => {
    const from = latest(startDate, `${year}-01-01`);
    const to = earliest(endDate, `${year}-12-31`);
    const months =
      (yearOf(to) - yearOf(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    return { year, amountCents: Math.round((RATE_CENTS * promeneurs * months) / 12 / 100) * 100 };
  });
}

interface Term {
  structure: NationStructure;
  start: string;
  end: string;
  status: ConventionStatus;
  endedOn: string | null;
  previous: number | null;
}

export function seedConventions(gen: Gen, directory: NationDirectory): number {
  const { random, today, conn, size } = gen;
  const convention = inserter(conn, 'conventions', [
    'structure_id',
    'reference',
    'with_msa',
    'kind',
    'previous_id',
    'start_date',
    'end_date',
    'funded_promeneurs',
    'status',
    'ended_on',
    'end_reason',
    'notes',
    'search_key',
    'created_at',
    'updated_at',
  ]);
  const subsidy = inserter(conn, 'convention_subsidies', ['convention_id', 'year', 'amount_cents']);
  const document = inserter(conn, 'convention_documents', [
    'convention_id',
    'position',
    'key',
    'category',
    'label',
    'received_on',
    'validated_on',
    'comment',
  ]);
  const obligation = inserter(conn, 'obligation_states', [
    'convention_id',
    'key',
    'kind',
    'year',
    'label',
    'due_on',
    'received_on',
    'comment',
  ]);
  const payment = inserter(conn, 'convention_payments', [
    'convention_id',
    'year',
    'kind',
    'amount_cents',
    'planned_on',
    'paid_on',
    'comment',
  ]);
  const history = inserter(conn, 'status_history', [
    'entity',
    'entity_id',
    'status',
    'since',
    'recorded_at',
  ]);
  const funded = new Map<number, number>();
  for (const p of directory.promeneurs)
    if (p.status !== 'sorti' && p.status !== 'exclu')
      funded.set(p.structureId, (funded.get(p.structureId) ?? 0) + 1);

  const keptFrom = addMonthsTo(today, -Math.round(12 * size.conventionYears));
  let serial = 0;
  let count = 0;

  const write = (t: Term, kind: 'premiere' | 'renouvellement'): number => {
    const promeneurs = Math.max(1, funded.get(t.structure.id) ?? 1);
    const reference = `PDN-${yearOf(t.start)}-${String(++serial).padStart(5, '0')}`;
    const drafted = addDays(t.start, -random.int(60, 90));
    const id = convention(
      t.structure.id,
      reference,
      random.chance(0.3) ? 1 : 0,
      kind,
      t.previous,
      t.start,
      t.end,
      promeneurs,
      t.status,
      t.endedOn,
      t.endedOn
        ? 'Départ de la structure du réseau ; résiliation demandée par lettre recommandée avec trois mois de préavis.'
        : null,
      null,
      searchKeyOf([reference, t.structure.name]),
      instantOn(drafted),
      instantOn(earliest(t.endedOn ?? latest(t.start, drafted), today)),
    );
    count++;
    const subsidies = subsidiesOf(t.start, t.end, promeneurs);
    for (const s of subsidies) subsidy(id, s.year, s.amountCents);

    // The status history: drafted, sent, signed, in force, then expired or terminated.
    const steps: [ConventionStatus, string][] = [['brouillon', drafted]];
    if (t.status !== 'brouillon') steps.push(['envoyee', addDays(t.start, -30)]);
    if (!['brouillon', 'envoyee'].includes(t.status)) steps.push(['signee', addDays(t.start, -10)]);
    if (['en_cours', 'echue', 'resiliee'].includes(t.status)) steps.push(['en_cours', t.start]);
    if (t.status === 'echue') steps.push(['echue', addDays(t.end, 1)]);
    if (t.status === 'resiliee') steps.push(['resiliee', t.endedOn!]);
    for (const [status, since] of steps) history('convention', id, status, since, instantOn(since));

    // Documents: received before signing, a few missing on the agreements in force.
    const live = t.status === 'en_cours' || t.status === 'brouillon' || t.status === 'envoyee';
    REQUIRED_DOCUMENTS[t.structure.legalForm][kind].forEach((d, position) => {
      const missing = t.status === 'brouillon' ? random.chance(0.5) : live && random.chance(0.04);
      const received = missing ? null : earliest(addDays(t.start, -random.int(10, 45)), today);
      const validated =
        received && t.status !== 'brouillon'
          ? earliest(addDays(received, random.int(1, 8)), today)
          : null;
      document(id, position, d.key, d.category, d.label, received, validated, null);
    });

    // Obligations due so far: received, but some of the latest ones late.
    if (t.status !== 'brouillon' && t.status !== 'envoyee') {
      const due = yearlyObligations(
        { startDate: t.start, endDate: t.end },
        DEFAULT_OBLIGATION_DEADLINE,
        t.endedOn,
      ).filter((o) => o.dueOn < today);
      due.forEach((o, i) => {
        if (i >= due.length - 4 && random.chance(0.08)) return;
        obligation(
          id,
          o.key,
          o.kind,
          o.year,
          o.label,
          o.dueOn,
          earliest(addDays(o.dueOn, -random.int(0, 40)), today),
          null,
        );
      });
      // Payments: an advance in spring, the balance the next summer; paid when past.
      const lastYear = t.endedOn ? yearOf(t.endedOn) : Infinity;
      for (const s of subsidies.filter((s) => s.year <= lastYear)) {
        const advance = Math.round(s.amountCents / 2 / 100) * 100;
        const advanceOn = latest(`${s.year}-03-15`, t.start);
        const balanceOn = `${s.year + 1}-07-15`;
        payment(
          id,
          s.year,
          'avance',
          advance,
          advanceOn,
          advanceOn <= today ? advanceOn : null,
          null,
        );
        const held = balanceOn <= today && random.chance(0.03);
        payment(
          id,
          s.year,
          'solde',
          s.amountCents - advance,
          balanceOn,
          balanceOn <= today && !held ? balanceOn : null,
          held ? 'Suspendu dans l’attente du bilan qualitatif et quantitatif.' : null,
        );
      }
    }
    return id;
  };

  for (const structure of directory.structures) {
    if (structure.status === 'retenue') {
      // Just selected: a first agreement being prepared for next January.
      const start = `${yearOf(today) + 1}-01-01`;
      write(
        {
          structure,
          start,
          end: `${yearOf(today) + 3}-12-31`,
          status: random.chance(0.3) ? 'envoyee' : 'brouillon',
          endedOn: null,
          previous: null,
        },
        'premiere',
      );
      continue;
    }
    if (structure.joinedOn === null) continue;
    const stop = structure.leftOn ?? today;
    // The chain of agreements since it joined; those ended before the kept years are left out.
    let start = firstOfNextMonth(structure.joinedOn);
    let previous: number | null = null;
    let first = true;
    while (start <= stop) {
      const end = addDays(addMonthsTo(start, 12 * random.pick([2, 3, 3, 4, 4])), -1);
      const left = structure.leftOn !== null && structure.leftOn <= end;
      if (end >= keptFrom || left) {
        const status: ConventionStatus = left
          ? 'resiliee'
          : end < today
            ? 'echue'
            : start > today
              ? 'signee'
              : 'en_cours';
        previous = write(
          { structure, start, end, status, endedOn: left ? structure.leftOn : null, previous },
          first ? 'premiere' : 'renouvellement',
        );
      }
      first = false;
      start = addDays(end, 1);
      if (left) break;
    }
  }
  return count;
}
