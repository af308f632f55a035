/**
 * The records already in the vault, loaded once per preview, indexed the way the import
 * recognises them: structures by SIRET, else by name and commune; Promeneurs by e-mail, else
 * by first and last name within their structure.
 */
import { nameKey } from '../../../shared/rules/directoryImport';
import type { Db } from '../../db/connection';
import { recordedOf, type StructureRecorded } from '../structures';

export type { StructureRecorded };

export interface ExistingStructure {
  id: number;
  recorded: StructureRecorded;
}

export interface ExistingPromeneur {
  id: number;
  structureId: number;
  firstName: string;
  lastName: string;
  job: string;
  email: string | null;
  phone: string | null;
  startDate: string | null;
  charterSignedOn: string | null;
  status: string;
  complianceCheckedOn: string | null;
  notes: string | null;
}

/** Finds structures by SIRET, or by name with the commune when both sides give one. */
export class StructureIndex<T> {
  private bySiret = new Map<string, T>();
  private byName = new Map<string, { commune: string | null; entry: T }[]>();

  add(s: { name: string; commune?: string | null; siret?: string | null }, entry: T): void {
    if (s.siret) this.bySiret.set(s.siret, entry);
    const list = this.byName.get(nameKey(s.name)) ?? [];
    const commune = s.commune ? nameKey(s.commune) : null;
    if (!list.some((x) => x.entry === entry && x.commune === commune))
      list.push({ commune, entry });
    this.byName.set(nameKey(s.name), list);
  }

  /**
   * SIRET first; then the same name in the same commune; then, when one side gives no
   * commune, the one structure of that name (two or more: no guess).
   */
  find(s: { name?: string | null; commune?: string | null; siret?: string | null }): T | null {
    if (s.siret) {
      const bySiret = this.bySiret.get(s.siret);
      if (bySiret !== undefined) return bySiret;
    }
    if (!s.name) return null;
    const list = this.byName.get(nameKey(s.name)) ?? [];
    const commune = s.commune ? nameKey(s.commune) : null;
    if (commune) {
      const same = list.find((x) => x.commune === commune);
      if (same) return same.entry;
      const unplaced = [...new Set(list.filter((x) => x.commune === null).map((x) => x.entry))];
      return unplaced.length === 1 ? unplaced[0]! : null;
    }
    const all = [...new Set(list.map((x) => x.entry))];
    return all.length === 1 ? all[0]! : null;
  }
}

export interface Existing {
  structures: Map<number, ExistingStructure>;
  structureIndex: StructureIndex<ExistingStructure>;
  promeneurs: Map<number, ExistingPromeneur>;
  promeneurByEmail: Map<string, ExistingPromeneur>;
  promeneurByName: Map<string, ExistingPromeneur>;
}

export const personKey = (firstName: string, lastName: string, structureId: number) =>
  `${nameKey(firstName)}|${nameKey(lastName)}|${structureId}`;

export async function loadExisting(db: Db): Promise<Existing> {
  const structureRows = await db.selectFrom('structures').selectAll().orderBy('id').execute();
  const structures = new Map<number, ExistingStructure>();
  const structureIndex = new StructureIndex<ExistingStructure>();
  for (const row of structureRows) {
    const s = { id: row.id, recorded: recordedOf(row) };
    structures.set(row.id, s);
    structureIndex.add(s.recorded, s);
  }
  const promeneurRows = await db
    .selectFrom('promeneurs')
    .select([
      'id',
      'structureId',
      'firstName',
      'lastName',
      'job',
      'email',
      'phone',
      'startDate',
      'charterSignedOn',
      'status',
      'complianceCheckedOn',
      'notes',
    ])
    .orderBy('id')
    .execute();
  const promeneurs = new Map<number, ExistingPromeneur>();
  const promeneurByEmail = new Map<string, ExistingPromeneur>();
  const promeneurByName = new Map<string, ExistingPromeneur>();
  for (const p of promeneurRows) {
    promeneurs.set(p.id, p);
    if (p.email && !promeneurByEmail.has(p.email.toLowerCase()))
      promeneurByEmail.set(p.email.toLowerCase(), p);
    const key = personKey(p.firstName, p.lastName, p.structureId);
    if (!promeneurByName.has(key)) promeneurByName.set(key, p);
  }
  return { structures, structureIndex, promeneurs, promeneurByEmail, promeneurByName };
}
