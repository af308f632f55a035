/**
 * « Suivi des conventions »: every convention with its terms as amended and its totals, then
 * its supporting documents, yearly obligations and payments, one sheet each. A cell is
 * highlighted when the to-do list (services/todo) counts its item as overdue on `today`: the
 * workbook and « À faire » always agree on what is late.
 */
import {
  CONVENTION_KINDS,
  CONVENTION_STATUSES,
  DOCUMENT_CATEGORIES,
  PAYMENT_KINDS,
} from '../../../shared/domain/conventions';
import type { Convention } from '../../../shared/api/conventions';
import type { Db } from '../../db/connection';
import { getConvention } from '../conventions/convention';
import { obligationDeadline } from '../conventions/records';
import { compareText } from '../directory';
import { dueItems } from '../todo';
import {
  day,
  euros,
  overdue,
  yesNo,
  type Cell,
  type Sheet,
  type Value,
  type WorkbookSpec,
} from './model';

/** The keys of the to-do items overdue on `today` (documents, obligations, payments). */
async function overdueKeys(db: Db, today: string): Promise<Set<string>> {
  const items = await dueItems(
    db,
    {
      until: today,
      structureId: null,
      kinds: ['document_missing', 'obligation_due', 'payment_planned'],
    },
    today,
  );
  return new Set(items.filter((i) => i.overdue).map((i) => i.key));
}

/** Every convention in full, by structure then reference. */
export async function allConventions(db: Db): Promise<Convention[]> {
  const ids = await db.selectFrom('conventions').select('id').execute();
  const deadline = await obligationDeadline(db);
  const all: Convention[] = [];
  for (const { id } of ids) all.push(await getConvention(db, id, deadline));
  return all.sort(
    (a, b) =>
      compareText(a.structure.name, b.structure.name) || compareText(a.reference, b.reference),
  );
}

export async function conventionsSpec(db: Db, today: string, created: Date): Promise<WorkbookSpec> {
  const late = await overdueKeys(db, today);
  const conventions = await allConventions(db);
  const flag = (key: string, value: Value): Cell => (late.has(key) ? overdue(value) : value);

  const summary: Cell[][] = conventions.map((c) => {
    const committed = c.totals.reduce((s, t) => s + t.committedCents, 0);
    const paid = c.totals.reduce((s, t) => s + t.paidCents, 0);
    const missing = c.documents.filter((d) => late.has(`document:${d.id}`)).length;
    const lateObligations = c.obligations.filter((o) =>
      late.has(`obligation:${c.id}:${o.key}`),
    ).length;
    return [
      c.reference,
      c.structure.name,
      CONVENTION_KINDS[c.kind],
      yesNo(c.withMsa),
      day(c.terms.startDate),
      day(c.terms.endDate),
      c.terms.fundedPromeneurs,
      CONVENTION_STATUSES[c.status],
      c.amendments.length,
      euros(committed),
      euros(paid),
      { formula: 'J{r}-K{r}', result: euros(committed - paid) },
      missing > 0 ? overdue(missing) : 0,
      lateObligations > 0 ? overdue(lateObligations) : 0,
    ];
  });

  const documents: Cell[][] = conventions.flatMap((c) =>
    c.documents.map((d) => [
      c.reference,
      c.structure.name,
      DOCUMENT_CATEGORIES[d.category],
      d.label,
      flag(`document:${d.id}`, day(d.receivedOn)),
      day(d.validatedOn),
      d.attachments.length,
      d.comment,
    ]),
  );

  const obligations: Cell[][] = conventions.flatMap((c) =>
    c.obligations.map((o) => [
      c.reference,
      c.structure.name,
      o.year,
      o.label,
      flag(`obligation:${c.id}:${o.key}`, day(o.dueOn)),
      day(o.receivedOn),
      o.inForce ? 'Oui' : 'Non (conservée après un avenant ou la fin)',
      o.comment,
    ]),
  );

  const payments: Cell[][] = conventions.flatMap((c) =>
    c.payments.map((p) => [
      c.reference,
      c.structure.name,
      p.year,
      PAYMENT_KINDS[p.kind],
      euros(p.amountCents),
      flag(`payment:${p.id}`, day(p.plannedOn)),
      day(p.paidOn),
      p.comment,
    ]),
  );

  const sheets: Sheet[] = [
    {
      name: 'Conventions',
      columns: [
        { header: 'Référence', format: 'text' },
        { header: 'Structure', format: 'text' },
        { header: 'Nature', format: 'text' },
        { header: 'Avec la MSA', format: 'text' },
        { header: 'Début', format: 'date' },
        { header: 'Fin', format: 'date' },
        { header: 'Promeneurs financés', format: 'integer', total: true },
        { header: 'Statut', format: 'text' },
        { header: 'Avenants', format: 'integer' },
        { header: 'Subvention engagée', format: 'euros', total: true },
        { header: 'Versé', format: 'euros', total: true },
        { header: 'Reste à verser', format: 'euros', total: true },
        { header: 'Pièces en retard', format: 'integer', total: true },
        { header: 'Obligations en retard', format: 'integer', total: true },
      ],
      rows: summary,
      totalsLabel: 'Total',
      emptyText: 'Aucune convention.',
    },
    {
      name: 'Pièces justificatives',
      columns: [
        { header: 'Convention', format: 'text' },
        { header: 'Structure', format: 'text' },
        { header: 'Catégorie', format: 'text' },
        { header: 'Pièce', format: 'text' },
        { header: 'Reçue le', format: 'date' },
        { header: 'Validée le', format: 'date' },
        { header: 'Fichiers joints', format: 'integer' },
        { header: 'Commentaire', format: 'text' },
      ],
      rows: documents,
      emptyText: 'Aucune pièce justificative.',
    },
    {
      name: 'Obligations annuelles',
      columns: [
        { header: 'Convention', format: 'text' },
        { header: 'Structure', format: 'text' },
        { header: 'Année', format: 'year' },
        { header: 'Obligation', format: 'text' },
        { header: 'Échéance', format: 'date' },
        { header: 'Reçue le', format: 'date' },
        { header: 'En vigueur', format: 'text' },
        { header: 'Commentaire', format: 'text' },
      ],
      rows: obligations,
      emptyText: 'Aucune obligation annuelle.',
    },
    {
      name: 'Versements',
      columns: [
        { header: 'Convention', format: 'text' },
        { header: 'Structure', format: 'text' },
        { header: 'Année', format: 'year' },
        { header: 'Nature', format: 'text' },
        { header: 'Montant', format: 'euros', total: true },
        { header: 'Prévu le', format: 'date' },
        { header: 'Versé le', format: 'date' },
        { header: 'Commentaire', format: 'text' },
      ],
      rows: payments,
      totalsLabel: 'Total',
      emptyText: 'Aucun versement.',
    },
  ];
  return { title: 'Suivi des conventions', created, sheets };
}
