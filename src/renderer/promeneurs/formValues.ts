import type { Promeneur } from '../../shared/api/promeneurs';
import {
  COMPLIANCE_POINTS,
  PUBLICATION_FIELDS,
  type CompliancePoint,
  type Job,
  type Platform,
  type PromeneurStatus,
  type PublicationField,
} from '../../shared/domain/directory';
import { formatPhone } from '../../shared/rules/phone';

export type ProfileRow = { platform: Platform | null; name: string; url: string };
export type SlotRow = { weekday: number | null; start: string; end: string };

/** What the Promeneur form holds while a person types. */
export type PromeneurFormValues = {
  firstName: string;
  lastName: string;
  job: Job | null;
  structureId: number | null;
  email: string;
  phone: string;
  startDate: string | null;
  charterSignedOn: string | null;
  status: PromeneurStatus | null;
  statusSince: string | null;
  profiles: ProfileRow[];
  dutySlots: SlotRow[];
  compliance: Record<CompliancePoint, boolean>;
  complianceCheckedOn: string | null;
  publication: Record<PublicationField, boolean>;
  notes: string;
};

const allFalse = <K extends string>(labels: Record<K, string>) =>
  Object.fromEntries(Object.keys(labels).map((k) => [k, false])) as Record<K, boolean>;

export const emptyPromeneur = (structureId: number | null): PromeneurFormValues => ({
  firstName: '',
  lastName: '',
  job: null,
  structureId,
  email: '',
  phone: '',
  startDate: null,
  charterSignedOn: null,
  status: 'en_preparation',
  statusSince: null,
  profiles: [],
  dutySlots: [],
  compliance: allFalse(COMPLIANCE_POINTS),
  complianceCheckedOn: null,
  publication: allFalse(PUBLICATION_FIELDS),
  notes: '',
});

export const promeneurToForm = (p: Promeneur): PromeneurFormValues => ({
  firstName: p.firstName,
  lastName: p.lastName,
  job: p.job,
  structureId: p.structureId,
  email: p.email ?? '',
  phone: formatPhone(p.phone),
  startDate: p.startDate,
  charterSignedOn: p.charterSignedOn,
  status: p.status,
  // Only a change of status takes a date; left empty, main records today.
  statusSince: null,
  profiles: p.profiles.map((r) => ({ platform: r.platform, name: r.name, url: r.url ?? '' })),
  dutySlots: p.dutySlots.map((s) => ({ ...s })),
  compliance: { ...allFalse(COMPLIANCE_POINTS), ...p.compliance },
  complianceCheckedOn: p.complianceCheckedOn,
  publication: { ...allFalse(PUBLICATION_FIELDS), ...p.publication },
  notes: p.notes ?? '',
});
