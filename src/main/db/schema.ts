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
  /** The name in French alphabetical order (`sortKey`); the list sorts on it in SQL. */
  sortKey: string;
  archivedAt: Instant | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface StatusHistoryTable {
  id: Generated<number>;
  entity: 'structure' | 'promeneur' | 'convention';
  entityId: number;
  status: string;
  since: string;
  recordedAt: Instant;
}

/**
 * A structure's or a Promeneur's status from `opens` (included) to `closes` (excluded; null:
 * still today), worked out from the status history by triggers (migration 011).
 */
export interface StatusIntervalsTable {
  entity: 'structure' | 'promeneur';
  entityId: number;
  status: string;
  opens: string;
  closes: string | null;
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
  /** Last name then first name in French alphabetical order (`sortKeyOf`). */
  sortKey: string;
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
  /** The part of the record concerned (« Pièce : Statuts »); null for the record itself. */
  subject: ColumnType<string | null, string | null | undefined, string | null>;
  /** JSON array of { field, before, after }. */
  changes: string;
}

export interface ConventionsTable {
  id: Generated<number>;
  structureId: number;
  reference: string;
  withMsa: Flag;
  kind: string;
  previousId: number | null;
  startDate: string;
  endDate: string;
  fundedPromeneurs: number;
  status: string;
  endedOn: string | null;
  endReason: string | null;
  notes: string | null;
  searchKey: string;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface ConventionSubsidiesTable {
  conventionId: number;
  year: number;
  amountCents: number;
}

export interface ConventionDocumentsTable {
  id: Generated<number>;
  conventionId: number;
  position: number;
  /** The annex item it comes from; null for a document added by hand. */
  key: string | null;
  category: string;
  label: string;
  receivedOn: string | null;
  validatedOn: string | null;
  comment: string | null;
}

export interface DocumentAttachmentsTable {
  id: Generated<number>;
  documentId: number;
  fileName: string;
  mimeType: string;
  size: number;
  content: Buffer;
  addedAt: Instant;
}

/** The state of a generated yearly obligation, with what it was when last marked. */
export interface ObligationStatesTable {
  conventionId: number;
  key: string;
  kind: string;
  year: number;
  label: string;
  dueOn: string;
  receivedOn: string | null;
  comment: string | null;
}

/** The received obligations' keys of a convention, joined by spaces (migration 014, kept by triggers). */
export interface ReceivedObligationKeysTable {
  conventionId: number;
  keys: string;
}

export interface ConventionPaymentsTable {
  id: Generated<number>;
  conventionId: number;
  year: number;
  kind: string;
  amountCents: number;
  plannedOn: string | null;
  paidOn: string | null;
  comment: string | null;
}

export interface ConventionAmendmentsTable {
  id: Generated<number>;
  conventionId: number;
  signedOn: string;
  object: string;
  endDate: string | null;
  fundedPromeneurs: number | null;
  /** JSON array of { year, amountCents }. */
  subsidies: string;
  createdAt: ColumnType<Instant, Instant, never>;
}

/** Generated to-do items marked done (convention end, notice deadlines). */
export interface TodoDoneTable {
  key: string;
  doneOn: string;
}

export interface EventsTable {
  id: Generated<number>;
  type: string;
  title: string;
  /** Wall-clock time in Paris, YYYY-MM-DDTHH:mm. */
  start: string;
  end: string;
  place: string | null;
  videoUrl: string | null;
  description: string | null;
  status: string;
  seriesId: string | null;
  /** The iCalendar UID, unique, kept across exports and imports. */
  uid: string;
  imported: Flag;
  searchKey: string;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface EventInviteesTable {
  id: Generated<number>;
  eventId: number;
  kind: string;
  promeneurId: number | null;
  structureId: number | null;
  /** For staff and guests (a Promeneur's name comes from the directory). */
  name: string | null;
  organisation: string | null;
  email: string | null;
  attendance: string | null;
}

export interface JournalEntriesTable {
  id: Generated<number>;
  date: string;
  kind: string;
  channel: string;
  durationMinutes: number;
  summary: string;
  partners: string | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

/** Who a journal entry concerns: one Promeneur or one structure per row. */
export interface JournalLinksTable {
  entryId: number;
  promeneurId: number | null;
  structureId: number | null;
}

export interface CommitteesTable {
  committee: string;
  rules: string;
  quorum: number | null;
  updatedAt: string | null;
}

export interface CommitteeMembersTable {
  id: Generated<number>;
  committee: string;
  name: string;
  organisationKind: string;
  organisation: string | null;
  role: string;
  seat: string;
  substituteOf: number | null;
  email: string | null;
  phone: string | null;
  memberFrom: string | null;
  memberUntil: string | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface MeetingAgendaItemsTable {
  id: Generated<number>;
  eventId: number;
  position: number;
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
  /** Rich-text JSON. */
  minutes: ColumnType<string, string | undefined, string>;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

/** What an agenda item concerns: one record per row. */
export interface AgendaItemLinksTable {
  itemId: number;
  structureId: number | null;
  promeneurId: number | null;
  conventionId: number | null;
  documentId: number | null;
}

export interface MeetingAttendanceTable {
  eventId: number;
  memberId: number;
  attendance: string;
  representedByMemberId: number | null;
}

export interface MeetingMinutesTable {
  eventId: number;
  status: string;
  approvedOn: string | null;
  approvedAtEventId: number | null;
  circulatedOn: string | null;
  recipients: string | null;
  /** Rich-text JSON of the follow-up item. */
  followUpMinutes: ColumnType<string, string | undefined, string>;
  updatedAt: Instant;
}

export interface CommitteeDecisionsTable {
  id: Generated<number>;
  eventId: number;
  committee: string;
  year: number;
  number: number;
  type: string;
  title: string;
  text: string | null;
  structureId: number | null;
  promeneurId: number | null;
  conventionId: number | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface CommitteeActionsTable {
  id: Generated<number>;
  eventId: number;
  who: string;
  what: string;
  dueOn: string | null;
  status: string;
  doneOn: string | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface SettingsTable {
  key: string;
  /** JSON value. */
  value: string;
}

/** A value of an editable activity list (channels, request themes). */
export interface ActivityListTable {
  id: Generated<number>;
  label: string;
  position: number;
}

/** One Promeneur's activity figures for one period; counts only, never a young person. */
export interface ActivityReportsTable {
  id: Generated<number>;
  /** Null once the Promeneur was erased (the counts stay, detached). */
  promeneurId: number | null;
  structureId: number | null;
  periodKind: string;
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  youngContacted: number;
  youngMet: number;
  projectsStarted: number;
  exchanges: number;
  concernsReferred: number;
  /** Hundredths of an hour. */
  hoursOnlineX100: number;
  age12to14: number | null;
  age15to17: number | null;
  age18to25: number | null;
  partners: string | null;
  projectsText: string | null;
  qualityNotes: string | null;
  difficulties: string | null;
  trainingWishes: string | null;
  source: string;
  fileName: string | null;
  createdAt: ColumnType<Instant, Instant, never>;
  updatedAt: Instant;
}

export interface ActivityReportChannelsTable {
  reportId: number;
  channelId: number;
  count: number;
}

export interface ActivityReportThemesTable {
  reportId: number;
  themeId: number;
  count: number;
}

/**
 * The network's activity figures summed per period, kept by triggers (migration 008); the
 * same sums as `activity/aggregates` over every report of the period.
 */
export interface ActivityPeriodTotalsTable {
  periodKey: string;
  periodStart: string;
  periodEnd: string;
  reports: number;
  /** Reports with a Promeneur: the period's distinct Promeneurs (one report each at most). */
  promeneurs: number;
  youngContacted: number;
  youngMet: number;
  projectsStarted: number;
  exchanges: number;
  concernsReferred: number;
  hoursOnlineX100: number;
  ageReports: number;
  age12to14: number;
  age15to17: number;
  age18to25: number;
}

/** Per period and theme (or channel), the counts summed over every report of the period. */
export interface ActivityPeriodThemeTotalsTable {
  periodKey: string;
  themeId: number;
  count: number;
}

export interface ActivityPeriodChannelTotalsTable {
  periodKey: string;
  channelId: number;
  count: number;
}

export interface MigrationsTable {
  name: string;
  appliedAt: Instant;
}

/** A directory import's remembered column mapping, by the file's headings. */
export interface ImportMappingsTable {
  signature: string;
  /** JSON: { role, columns: { field: heading } }. */
  mapping: string;
  usedAt: Instant;
}

export interface Database {
  structures: StructuresTable;
  statusHistory: StatusHistoryTable;
  statusIntervals: StatusIntervalsTable;
  promeneurs: PromeneursTable;
  promeneurProfiles: PromeneurProfilesTable;
  dutySlots: DutySlotsTable;
  conventions: ConventionsTable;
  conventionSubsidies: ConventionSubsidiesTable;
  conventionDocuments: ConventionDocumentsTable;
  documentAttachments: DocumentAttachmentsTable;
  obligationStates: ObligationStatesTable;
  receivedObligationKeys: ReceivedObligationKeysTable;
  conventionPayments: ConventionPaymentsTable;
  conventionAmendments: ConventionAmendmentsTable;
  todoDone: TodoDoneTable;
  events: EventsTable;
  eventInvitees: EventInviteesTable;
  journalEntries: JournalEntriesTable;
  journalLinks: JournalLinksTable;
  committees: CommitteesTable;
  committeeMembers: CommitteeMembersTable;
  meetingAgendaItems: MeetingAgendaItemsTable;
  agendaItemLinks: AgendaItemLinksTable;
  meetingAttendance: MeetingAttendanceTable;
  meetingMinutes: MeetingMinutesTable;
  committeeDecisions: CommitteeDecisionsTable;
  committeeActions: CommitteeActionsTable;
  activityChannels: ActivityListTable;
  activityThemes: ActivityListTable;
  activityReports: ActivityReportsTable;
  activityReportChannels: ActivityReportChannelsTable;
  activityReportThemes: ActivityReportThemesTable;
  activityPeriodTotals: ActivityPeriodTotalsTable;
  activityPeriodThemeTotals: ActivityPeriodThemeTotalsTable;
  activityPeriodChannelTotals: ActivityPeriodChannelTotalsTable;
  importMappings: ImportMappingsTable;
  auditLog: AuditLogTable;
  settings: SettingsTable;
  migrations: MigrationsTable;
}
