/**
 * The demo department's funding agreements: for each structure of the network, its
 * conventions since it joined (an expired first one, the current one), with their documents
 * (a few still missing), yearly obligations (a few overdue), payments (a balance held back),
 * amendments, a terminated agreement for the structure that left, drafts for the structures
 * just selected, and fictional scans. Built through the services, like real use.
 */
import { conventionFields, type ConventionFieldsInput } from '../../shared/api/conventions';
import type { ConventionKind, ConventionStatus } from '../../shared/domain/conventions';
import { addMonths } from '../../shared/rules/dates';
import {
  addDays,
  coveredYears,
  DEFAULT_OBLIGATION_DEADLINE,
  yearlyObligations,
  type YearAmount,
} from '../../shared/rules/conventions';
import type { Db } from '../db/connection';
import {
  addAttachment,
  createAmendment,
  createConvention,
  createPayment,
  getConvention,
  setConventionStatus,
  updateDocument,
  updateObligation,
} from '../services/conventions';
import { fictionalPdf } from './pdf';
import type { Random } from './random';
import type { SeededStructure } from './seed';

/** The flat rate per funded Promeneur and per full year, in cents (fictional). */
const RATE_CENTS = 400_000;

const yearOf = (iso: string) => Number(iso.slice(0, 4));
const earliest = (a: string, b: string) => (a < b ? a : b);
const latest = (a: string, b: string) => (a > b ? a : b);
const firstOfNextMonth = (iso: string) => `${addMonths(iso, 1).slice(0, 7)}-01`;
const endOfMonth = (iso: string) => addDays(firstOfNextMonth(iso), -1);

/** Each covered year's subsidy: the flat rate for the months of that year in the period. */
function subsidiesOf(startDate: string, endDate: string, promeneurs: number): YearAmount[] {
  return coveredYears(startDate, endDate).map((year) => {
    const from = latest(startDate, `${year}-01-01`);
    const to = earliest(endDate, `${year}-12-31`);
    const months =
      (yearOf(to) - yearOf(from)) * 12 + Number(to.slice(5, 7)) - Number(from.slice(5, 7)) + 1;
    // Whole euros, as a CAF decision writes them.
    const amountCents = Math.round((RATE_CENTS * promeneurs * months) / 12 / 100) * 100;
    return { year, amountCents };
  });
}

interface Plan {
  structure: SeededStructure;
  kind: ConventionKind;
  previousId: number | null;
  startDate: string;
  endDate: string;
  promeneurs: number;
  reference: string;
  withMsa: boolean;
}

async function create(db: Db, plan: Plan): Promise<number> {
  const fields: ConventionFieldsInput = {
    structureId: plan.structure.id,
    reference: plan.reference,
    withMsa: plan.withMsa,
    kind: plan.kind,
    previousId: plan.previousId,
    startDate: plan.startDate,
    endDate: plan.endDate,
    fundedPromeneurs: plan.promeneurs,
    subsidies: subsidiesOf(plan.startDate, plan.endDate, plan.promeneurs),
  };
  return (await createConvention(db, conventionFields.parse(fields))).id;
}

/** Replays the signature workflow up to `status`, each step dated. */
async function walkStatuses(
  db: Db,
  id: number,
  steps: [ConventionStatus, string, string?][],
): Promise<void> {
  for (const [status, since, reason] of steps)
    await setConventionStatus(db, { id, status, since, reason: reason ?? null });
}

/** Marks documents received (and validated) before signing; `missing` keys stay missing. */
async function receiveDocuments(
  db: Db,
  random: Random,
  id: number,
  receivedBefore: string,
  missing: string[] = [],
): Promise<void> {
  const { documents } = await getConvention(db, id);
  for (const doc of documents) {
    if (doc.key !== null && missing.includes(doc.key)) continue;
    const receivedOn = addDays(receivedBefore, -random.int(10, 45));
    await updateDocument(db, doc.id, {
      receivedOn,
      validatedOn: addDays(receivedOn, random.int(1, 8)),
      comment: null,
    });
  }
}

/** Marks the obligations due before today received, but for a few left overdue. */
async function receiveObligations(
  db: Db,
  random: Random,
  id: number,
  start: string,
  end: string,
  today: string,
  leaveOverdue: number,
): Promise<void> {
  const due = yearlyObligations(
    { startDate: start, endDate: end },
    DEFAULT_OBLIGATION_DEADLINE,
  ).filter((o) => o.dueOn < today);
  const overdue = new Set(random.sample(due.slice(-4), Math.min(leaveOverdue, due.length)));
  for (const o of due) {
    if (overdue.has(o)) continue;
    await updateObligation(db, id, o.key, {
      receivedOn: earliest(addDays(o.dueOn, -random.int(0, 40)), today),
      comment: null,
    });
  }
}

/** An advance in spring and the balance the next summer, per year; paid when past. */
async function recordPayments(
  db: Db,
  id: number,
  today: string,
  holdBalanceOf: number | null,
): Promise<void> {
  const { terms } = await getConvention(db, id);
  for (const { year, amountCents } of terms.subsidies) {
    const advance = Math.round(amountCents / 2 / 100) * 100;
    const advanceOn = latest(`${year}-03-15`, terms.startDate);
    const balanceOn = `${year + 1}-07-15`;
    const paid = (on: string) => (on <= today ? on : null);
    await createPayment(db, id, {
      year,
      kind: 'avance',
      amountCents: advance,
      plannedOn: advanceOn,
      paidOn: paid(advanceOn),
      comment: null,
    });
    const held = holdBalanceOf === year;
    await createPayment(db, id, {
      year,
      kind: 'solde',
      amountCents: amountCents - advance,
      plannedOn: balanceOn,
      paidOn: held ? null : paid(balanceOn),
      comment: held ? 'Suspendu dans l’attente du bilan qualitatif et quantitatif.' : null,
    });
  }
}

async function attachScans(db: Db, id: number, department: string): Promise<void> {
  const { documents, reference } = await getConvention(db, id);
  for (const doc of documents.filter((d) => d.receivedOn !== null).slice(0, 2)) {
    const pdf = fictionalPdf([
      'DOCUMENT FICTIF - DEMONSTRATION BALISE',
      '',
      doc.label,
      `Convention ${reference}`,
      department,
      '',
      'Ce document ne concerne aucune personne ni structure reelle.',
    ]);
    await addAttachment(db, {
      documentId: doc.id,
      fileName: `${doc.label.slice(0, 40).replace(/[^\p{L}\p{N}]+/gu, '-')}.pdf`,
      mimeType: 'application/pdf',
      contentBase64: pdf.toString('base64'),
    });
  }
}

async function fundedPromeneurs(db: Db, structureId: number): Promise<number> {
  const { n } = await db
    .selectFrom('promeneurs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('structureId', '=', structureId)
    .where('status', 'in', ['actif', 'en_preparation', 'suspendu'])
    .executeTakeFirstOrThrow();
  return Math.max(1, n);
}

/** References as a CAF numbers them: PDN-<year of start>-<serial>. */
function referenceMaker(): (year: number) => string {
  let serial = 0;
  return (year) => `PDN-${year}-${String(++serial).padStart(3, '0')}`;
}

/** Seeds every structure's conventions; call after the structures and Promeneurs exist. */
export async function seedConventions(
  db: Db,
  random: Random,
  today: string,
  structures: SeededStructure[],
  department: string,
): Promise<void> {
  const nextReference = referenceMaker();
  const inNetwork = structures.filter((s) => s.inNetworkSince !== null && s.leftOn === null);
  // The first structure's agreement ends within the to-do horizon; one holds a balance back.
  for (const [index, structure] of inNetwork.entries()) {
    const promeneurs = await fundedPromeneurs(db, structure.id);
    const joined = firstOfNextMonth(structure.inNetworkSince!);
    const currentEnd = endOfMonth(addDays(today, index === 0 ? 70 : random.int(150, 800)));
    const years = Math.max(
      Math.ceil((Date.parse(currentEnd) - Date.parse(today)) / 3.15e10),
      random.int(2, 3),
    );
    let currentStart = addDays(addMonths(currentEnd, -12 * years), 1);
    if (currentStart < joined) currentStart = joined;
    const withMsa = random.chance(0.3);
    let previousId: number | null = null;

    // The first agreement, expired, when the structure joined well before the current one.
    if (addMonths(joined, 10) < currentStart) {
      const start = joined;
      const end = addDays(currentStart, -1);
      const id = await create(db, {
        structure,
        kind: 'premiere',
        previousId: null,
        startDate: start,
        endDate: end,
        promeneurs,
        reference: nextReference(yearOf(start)),
        withMsa,
      });
      await receiveDocuments(db, random, id, start);
      await walkStatuses(db, id, [
        ['envoyee', addDays(start, -30)],
        ['signee', addDays(start, -10)],
        ['en_cours', start],
        ['echue', addDays(end, 1)],
      ]);
      await receiveObligations(db, random, id, start, end, today, 0);
      await recordPayments(db, id, today, null);
      if (index === 0) await attachScans(db, id, department);
      previousId = id;
    }

    const id = await create(db, {
      structure,
      kind: previousId === null ? 'premiere' : 'renouvellement',
      previousId,
      startDate: currentStart,
      endDate: currentEnd,
      promeneurs,
      reference: nextReference(yearOf(currentStart)),
      withMsa,
    });
    const missing = index === 1 ? ['liste_ca'] : index === 3 ? ['comptes_n1', 'rib'] : [];
    await receiveDocuments(db, random, id, currentStart, missing);
    await walkStatuses(db, id, [
      ['envoyee', addDays(currentStart, -30)],
      ['signee', addDays(currentStart, -10)],
      ['en_cours', currentStart],
    ]);
    await receiveObligations(
      db,
      random,
      id,
      currentStart,
      currentEnd,
      today,
      index % 3 === 1 ? 2 : 0,
    );

    if (index === 2) {
      // One more Promeneur funded from the next year on.
      const nextYear = yearOf(today) + 1;
      const { terms } = await getConvention(db, id);
      const raised = subsidiesOf(currentStart, currentEnd, promeneurs + 1).filter(
        (s) => s.year >= nextYear && terms.subsidies.some((t) => t.year === s.year),
      );
      await createAmendment(db, id, {
        signedOn: addDays(today, -random.int(20, 60)),
        object: `Passage de ${promeneurs} à ${promeneurs + 1} Promeneurs du Net financés à compter de ${nextYear}.`,
        endDate: null,
        fundedPromeneurs: promeneurs + 1,
        subsidies: raised,
      });
    }
    if (index === 4) {
      // Extended by a year, at the structure's express request (no tacit renewal).
      const newEnd = addDays(addMonths(addDays(currentEnd, 1), 12), -1);
      const added = subsidiesOf(addDays(currentEnd, 1), newEnd, promeneurs).map((s) =>
        s.year === yearOf(currentEnd)
          ? {
              ...s,
              amountCents:
                s.amountCents +
                subsidiesOf(currentStart, currentEnd, promeneurs).find((t) => t.year === s.year)!
                  .amountCents,
            }
          : s,
      );
      await createAmendment(db, id, {
        signedOn: addDays(today, -random.int(60, 120)),
        object:
          'Prolongation d’un an à la demande expresse de la structure, dans l’attente du prochain appel à projets.',
        endDate: newEnd,
        fundedPromeneurs: null,
        subsidies: added,
      });
    }
    await recordPayments(db, id, today, index === 1 ? yearOf(today) - 1 : null);
    if (index === 0 && previousId === null) await attachScans(db, id, department);
  }

  // The structure that left: its agreement was terminated at an anniversary.
  for (const structure of structures.filter(
    (s) => s.leftOn !== null && s.inNetworkSince !== null,
  )) {
    const start = firstOfNextMonth(structure.inNetworkSince!);
    const end = addDays(addMonths(start, 36), -1);
    const id = await create(db, {
      structure,
      kind: 'premiere',
      previousId: null,
      startDate: start,
      endDate: latest(end, addDays(structure.leftOn!, 30)),
      promeneurs: 1,
      reference: nextReference(yearOf(start)),
      withMsa: false,
    });
    await receiveDocuments(db, random, id, start);
    await walkStatuses(db, id, [
      ['signee', addDays(start, -10)],
      ['en_cours', start],
      [
        'resiliee',
        structure.leftOn!,
        'Départ du seul Promeneur de la structure, non remplacé ; résiliation demandée par lettre recommandée avec trois mois de préavis.',
      ],
    ]);
    await receiveObligations(db, random, id, start, structure.leftOn!, today, 0);
  }

  // The structures just selected by the COPIL: a first agreement being prepared.
  const selected = structures.filter((s) => s.spec.path === 'selected');
  for (const [index, structure] of selected.entries()) {
    const start = `${yearOf(today) + 1}-01-01`;
    const id = await create(db, {
      structure,
      kind: 'premiere',
      previousId: null,
      startDate: start,
      endDate: `${yearOf(today) + 3}-12-31`,
      promeneurs: 1,
      reference: nextReference(yearOf(start)),
      withMsa: index === 0,
    });
    const { documents } = await getConvention(db, id);
    for (const doc of documents.slice(0, Math.ceil(documents.length / 2)))
      await updateDocument(db, doc.id, {
        receivedOn: addDays(today, -random.int(2, 15)),
        validatedOn: null,
        comment: null,
      });
    if (index === 0) await walkStatuses(db, id, [['envoyee', addDays(today, -random.int(1, 5))]]);
  }
}
