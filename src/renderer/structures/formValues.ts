import type { Structure } from '../../shared/api/structures';
import type { LegalForm, StructureStatus, StructureType } from '../../shared/domain/directory';
import { formatPhone } from '../../shared/rules/phone';
import { formatSiret } from '../../shared/rules/siret';

/** What the structure form holds while a person types (text as typed, '' when empty). */
export type StructureFormValues = {
  name: string;
  type: StructureType | null;
  legalForm: LegalForm | null;
  siret: string;
  address: string;
  postalCode: string;
  commune: string;
  territory: string;
  qpv: boolean;
  phone: string;
  email: string;
  website: string;
  representativeName: string;
  representativeTitle: string;
  networkStatus: StructureStatus | null;
  statusSince: string | null;
  selectionYear: number | null;
  charterSignedOn: string | null;
  charterSignatory: string;
  notes: string;
};

export const emptyStructure = (): StructureFormValues => ({
  name: '',
  type: null,
  legalForm: null,
  siret: '',
  address: '',
  postalCode: '',
  commune: '',
  territory: '',
  qpv: false,
  phone: '',
  email: '',
  website: '',
  representativeName: '',
  representativeTitle: '',
  networkStatus: 'interessee',
  statusSince: null,
  selectionYear: null,
  charterSignedOn: null,
  charterSignatory: '',
  notes: '',
});

export const structureToForm = (s: Structure): StructureFormValues => ({
  name: s.name,
  type: s.type,
  legalForm: s.legalForm,
  siret: s.siret ? formatSiret(s.siret) : '',
  address: s.address ?? '',
  postalCode: s.postalCode ?? '',
  commune: s.commune ?? '',
  territory: s.territory ?? '',
  qpv: s.qpv,
  phone: formatPhone(s.phone),
  email: s.email ?? '',
  website: s.website ?? '',
  representativeName: s.representativeName ?? '',
  representativeTitle: s.representativeTitle ?? '',
  networkStatus: s.networkStatus,
  // Only a change of status takes a date; left empty, main records today.
  statusSince: null,
  selectionYear: s.selectionYear,
  charterSignedOn: s.charterSignedOn,
  charterSignatory: s.charterSignatory ?? '',
  notes: s.notes ?? '',
});
