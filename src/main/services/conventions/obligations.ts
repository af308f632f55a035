/**
 * Yearly obligations: generated from the terms as amended at each read; only their state
 * (received on, comment) is stored, by key, with what the obligation was when marked.
 */
import type { Selectable } from 'kysely';
import type { Convention } from '../../../shared/api/conventions';
import type { ParsedInput } from '../../../shared/api/contract';
import type { ObligationKind } from '../../../shared/domain/conventions';
import {
  yearlyObligations,
  type ObligationDeadline,
  type ObligationDue,
} from '../../../shared/rules/conventions';
import { diffRecords } from '../../../shared/rules/diff';
import { DomainError } from '../../../shared/result';
import { inTransaction, type Db } from '../../db/connection';
import type { ObligationStatesTable } from '../../db/schema';
import { recordAudit } from '../audit';
import {
  findConvention,
  obligationDeadline,
  termsOf,
  touchConvention,
  type ConventionRow,
  type TermsOf,
} from './records';

export type Obligation = Convention['obligations'][number];
type StateRow = Selectable<ObligationStatesTable>;
type ObligationState = ParsedInput<'conventions.obligations.update'>['fields'];

const STATE_FIELDS = ['receivedOn', 'comment'] as const;

/** The obligations the terms generate now, for a convention (a termination cuts them). */
export function generatedObligations(
  row: Pick<ConventionRow, 'endedOn'>,
  terms: TermsOf['terms'],
  deadline: ObligationDeadline,
): ObligationDue[] {
  return yearlyObligations(terms, deadline, row.endedOn);
}

/** The stored states of the conventions given, by convention id. */
export async function obligationStatesOf(
  db: Db,
  conventionIds: number[],
): Promise<Map<number, StateRow[]>> {
  const states = new Map<number, StateRow[]>(conventionIds.map((id) => [id, []]));
  if (conventionIds.length === 0) return states;
  const rows = await db
    .selectFrom('obligationStates')
    .selectAll()
    .where('conventionId', 'in', conventionIds)
    .execute();
  for (const row of rows) states.get(row.conventionId)?.push(row);
  return states;
}

/**
 * The generated obligations with their states, plus the states of obligations no longer
 * generated that still hold something (received, or commented): shown, not in force.
 */
export function mergeObligations(generated: ObligationDue[], states: StateRow[]): Obligation[] {
  const byKey = new Map(states.map((s) => [s.key, s]));
  const current = generated.map((o) => ({
    ...o,
    receivedOn: byKey.get(o.key)?.receivedOn ?? null,
    comment: byKey.get(o.key)?.comment ?? null,
    inForce: true,
  }));
  const keys = new Set(generated.map((o) => o.key));
  const kept = states
    .filter((s) => !keys.has(s.key) && (s.receivedOn !== null || s.comment !== null))
    .map((s) => ({
      key: s.key,
      kind: s.kind as ObligationKind,
      year: s.year,
      label: s.label,
      dueOn: s.dueOn,
      receivedOn: s.receivedOn,
      comment: s.comment,
      inForce: false,
    }));
  return [...current, ...kept].sort(
    (a, b) => a.dueOn.localeCompare(b.dueOn) || a.key.localeCompare(b.key),
  );
}

/** A convention's obligations, generated and merged with their states. */
export async function obligationsOf(
  db: Db,
  row: ConventionRow,
  terms: TermsOf['terms'],
  deadline: ObligationDeadline,
): Promise<Obligation[]> {
  const states = (await obligationStatesOf(db, [row.id])).get(row.id) ?? [];
  return mergeObligations(generatedObligations(row, terms, deadline), states);
}

/**
 * Records that an obligation was received (or not), with a comment. The key must be one
 * the terms generate now, or one whose state is stored; saving an empty state forgets it.
 */
export function updateObligation(
  db: Db,
  conventionId: number,
  key: string,
  fields: ObligationState,
): Promise<{ key: string }> {
  return inTransaction(db, async (trx) => {
    const row = await findConvention(trx, conventionId);
    const { terms } = await termsOf(trx, row);
    const generated = generatedObligations(row, terms, await obligationDeadline(trx)).find(
      (o) => o.key === key,
    );
    const stored = await trx
      .selectFrom('obligationStates')
      .selectAll()
      .where('conventionId', '=', conventionId)
      .where('key', '=', key)
      .executeTakeFirst();
    if (!generated && !stored)
      throw new DomainError(
        'NOT_FOUND',
        'Cette obligation n’existe pas pour cette convention (vérifiez ses dates et ses avenants).',
      );
    const before = { receivedOn: stored?.receivedOn ?? null, comment: stored?.comment ?? null };
    const after = { receivedOn: fields.receivedOn, comment: fields.comment };
    const changes = diffRecords(before, after, STATE_FIELDS);
    if (changes.length === 0) return { key };

    const what = generated ?? {
      kind: stored!.kind,
      year: stored!.year,
      label: stored!.label,
      dueOn: stored!.dueOn,
    };
    if (after.receivedOn === null && after.comment === null) {
      await trx
        .deleteFrom('obligationStates')
        .where('conventionId', '=', conventionId)
        .where('key', '=', key)
        .execute();
    } else {
      const values = {
        kind: what.kind,
        year: what.year,
        label: what.label,
        dueOn: what.dueOn,
        ...after,
      };
      await trx
        .insertInto('obligationStates')
        .values({ conventionId, key, ...values })
        .onConflict((oc) => oc.columns(['conventionId', 'key']).doUpdateSet(values))
        .execute();
    }
    await touchConvention(trx, conventionId);
    await recordAudit(trx, {
      entity: 'convention',
      entityId: conventionId,
      action: 'update',
      subject: `Obligation : ${what.label}`,
      changes,
    });
    return { key };
  });
}
