/**
 * Runs an import plan as one transaction, through the structure and Promeneur services (so
 * validation, status history and the audit log are those of a record saved by hand). The
 * first failure undoes everything and says at which row it happened.
 */
import { promeneurFields } from '../../../shared/api/promeneurs';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { logError } from '../../log';
import { createPromeneur, getPromeneur, updatePromeneur } from '../promeneurs';
import { createStructure, updateStructure } from '../structures';
import type { Plan, PromeneurOp, StructureOp } from './plan';

const at = (op: StructureOp | PromeneurOp) =>
  `ligne ${op.item.line} de la feuille « ${op.item.sheet} » (${op.item.label})`;

/** Runs one write; a failure names its row and stops the whole import. */
async function step<T>(op: StructureOp | PromeneurOp, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof DomainError)
      throw new DomainError(
        error.code,
        `L’import s’est arrêté à la ${at(op)} : ${error.message} Rien n’a été importé.`,
      );
    logError('directory import: a write failed', error);
    throw new DomainError(
      'INTERNAL',
      `L’import s’est arrêté à la ${at(op)} sur une erreur inattendue. Rien n’a été importé.`,
    );
  }
}

/** Writes the plan; call inside a transaction (`trx`). */
export async function applyPlan(trx: Db, plan: Plan): Promise<void> {
  const created: number[] = [];
  for (const op of plan.structureOps) {
    if (op.existingId === null)
      created.push((await step(op, () => createStructure(trx, op.fields))).id);
    else await step(op, () => updateStructure(trx, op.existingId!, op.fields));
  }
  for (const op of plan.promeneurOps) {
    const structureId =
      'existingId' in op.structure ? op.structure.existingId : created[op.structure.newIndex]!;
    await step(op, async () => {
      if (op.existingId === null) return createPromeneur(trx, { ...op.fields!, structureId });
      // The record as it is now (profiles, slots, compliance…), with the file's fields laid over.
      const {
        id: _id,
        structureName: _s,
        hoursPerWeek: _h,
        archivedAt: _a,
        createdAt: _c,
        updatedAt: _u,
        statusHistory: _sh,
        ...current
      } = await getPromeneur(trx, op.existingId);
      const fields = promeneurFields.parse({
        ...current,
        ...op.given,
        structureId,
        statusSince: null,
      });
      return updatePromeneur(trx, op.existingId, fields);
    });
  }
}
