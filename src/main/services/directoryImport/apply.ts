/**
 * Runs an import plan as one transaction, through the structure and Promeneur services (so
 * validation, status history and the audit log are those of a record saved by hand): new
 * structures and Promeneurs, and updated Promeneurs, through the services' batch functions
 * (createStructures, createPromeneurs, updatePromeneurs), updated structures one by one. The
 * first failure undoes everything and says at which row it happened.
 */
import { promeneurFields, type PromeneurFields } from '../../../shared/api/promeneurs';
import { DomainError } from '../../../shared/result';
import type { Db } from '../../db/connection';
import { logError } from '../../log';
import { createPromeneurs, recordedPromeneurs, updatePromeneurs } from '../promeneurs';
import { createStructures, updateStructure } from '../structures';
import type { Plan, PromeneurOp, StructureOp } from './plan';

const at = (op: StructureOp | PromeneurOp) =>
  `ligne ${op.item.line} de la feuille « ${op.item.sheet} » (${op.item.label})`;

/** Runs one row's writes; a failure names its row and stops the whole import. */
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

/** Each op's writes run as a step of its own row. */
const stepsOf =
  (ops: readonly (StructureOp | PromeneurOp)[]) =>
  <T>(index: number, write: () => Promise<T>) =>
    step(ops[index]!, write);

/** Writes the plan; call inside a transaction (`trx`). */
export async function applyPlan(trx: Db, plan: Plan): Promise<void> {
  try {
    await writePlan(trx, plan);
  } catch (error) {
    if (error instanceof DomainError) throw error; // a row's failure, already named
    // A write common to several rows (their status history, their audit entries).
    logError('directory import: a write failed', error);
    throw new DomainError(
      'INTERNAL',
      'L’import s’est arrêté sur une erreur inattendue. Rien n’a été importé.',
    );
  }
}

async function writePlan(trx: Db, plan: Plan): Promise<void> {
  // The id of each structure op's record, by its place in plan.structureOps (a new one's target).
  const structureIds = new Map<number, number>();
  const newStructures = [...plan.structureOps.entries()].filter(([, op]) => op.existingId === null);
  const created = await createStructures(
    trx,
    newStructures.map(([, op]) => op.fields),
    stepsOf(newStructures.map(([, op]) => op)),
  );
  newStructures.forEach(([index], n) => structureIds.set(index, created[n]!.id));
  for (const op of plan.structureOps)
    if (op.existingId !== null)
      await step(op, () => updateStructure(trx, op.existingId!, op.fields));

  const structureOf = (op: PromeneurOp) =>
    'existingId' in op.structure
      ? op.structure.existingId
      : structureIds.get(op.structure.newIndex)!;
  const newPromeneurs = plan.promeneurOps.filter((op) => op.existingId === null);
  await createPromeneurs(
    trx,
    newPromeneurs.map((op) => ({ ...op.fields!, structureId: structureOf(op) })),
    stepsOf(newPromeneurs),
  );
  // Updates: each record as it is now (profiles, slots, compliance…), the file's fields laid over.
  const updates = plan.promeneurOps.filter((op) => op.existingId !== null);
  const recorded = await recordedPromeneurs(
    trx,
    updates.map((op) => op.existingId!),
  );
  const changed: { id: number; fields: PromeneurFields }[] = [];
  for (const op of updates)
    changed.push({
      id: op.existingId!,
      fields: await step(op, async () => {
        const current = recorded.get(op.existingId!);
        if (!current)
          throw new DomainError('NOT_FOUND', 'Ce Promeneur du Net n’existe pas ou a été supprimé.');
        return promeneurFields.parse({
          ...current,
          ...op.given,
          structureId: structureOf(op),
          statusSince: null,
        });
      }),
    });
  await updatePromeneurs(trx, changed, stepsOf(updates));
}
