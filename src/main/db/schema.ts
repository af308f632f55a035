/**
 * The database's tables as Kysely sees them. Column names are snake_case in SQL and
 * camelCase here (Kysely's CamelCasePlugin maps them). Dates are ISO strings
 * (YYYY-MM-DD for calendar dates, full ISO-8601 UTC for instants); booleans are 0/1.
 */
import type { ColumnType, Generated } from 'kysely';

type Instant = string;
type Flag = number;

export interface StructuresTable {
  id: Generated<number>;
  name: string;
  type: string;
  legalForm: string;
  siret: string | null;
  address: string | null;
  postalCode: string | null;
  commune: string | null;
  territory: string | null;
  qpv: Flag;
  phone: string | null;
  email: string | null;
  website: string | null;
  representativeName: string | null;
  representativeTitle: string | null;
  networkStatus: string;
  selectionYear: number | null;
  charterSignedOn: string | null;
  charterSignatory: string | null;
  notes: string | null;
  searchKey: string;
  archivedAt: Instant | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface StatusHistoryTable {
  id: Generated<number>;
  entity: 'structure' | 'promeneur';
  entityId: number;
  status: string;
  since: string;
  recordedAt: Instant;
}

export interface PromeneursTable {
  id: Generated<number>;
  structureId: number;
  firstName: string;
  lastName: string;
  job: string;
  email: string | null;
  phone: string | null;
  startDate: string | null;
  charterSignedOn: string | null;
  status: string;
  /** JSON object of the charter's article-3 points, each true or false. */
  compliance: string;
  complianceCheckedOn: string | null;
  /** JSON object of the fields the Promeneur agreed to publish. */
  publication: string;
  notes: string | null;
  searchKey: string;
  archivedAt: Instant | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface PromeneurProfilesTable {
  id: Generated<number>;
  promeneurId: number;
  position: number;
  platform: string;
  name: string;
  url: string | null;
}

export interface DutySlotsTable {
  id: Generated<number>;
  promeneurId: number;
  position: number;
  weekday: number;
  start: string;
  end: string;
}

export interface AuditLogTable {
  id: Generated<number>;
  at: Instant;
  entity: string;
  entityId: number;
  action: string;
  /** JSON array of { field, before, after }. */
  changes: string;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
}

export interface MigrationsTable {
  name: string;
  appliedAt: Instant;
}

export interface Database {
  structures: StructuresTable;
  statusHistory: StatusHistoryTable;
  promeneurs: PromeneursTable;
  promeneurProfiles: PromeneurProfilesTable;
  dutySlots: DutySlotsTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  migrations: MigrationsTable;
}
