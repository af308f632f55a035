/**
 * The plain data behind every committee document (minutes, preparation pack, exclusion
 * letter, decision register). The committee services build these from the database; the
 * writers of this folder turn them into PDF, .docx or .xlsx bytes without touching the
 * database, so each side can be tested alone.
 */
import type {
  ActionStatus,
  Committee,
  DecisionType,
  MeetingAttendance,
  MinutesStatus,
} from '../../../../shared/domain/committees';
import type { RichDoc } from '../../../../shared/domain/richText';

/** Dates are YYYY-MM-DD, times YYYY-MM-DDTHH:mm (Paris wall clock). */
export interface MeetingHeader {
  committee: Committee;
  /** The department's name from the settings (may be empty). */
  departmentName: string;
  /** The event's title, e.g. « COPIL de printemps ». */
  title: string;
  start: string;
  end: string;
  place: string | null;
}

export interface AgendaLine {
  position: number;
  title: string;
  presenter: string | null;
  durationMinutes: number | null;
  /** The records the item concerns, already labelled (« Structure : MJC de … »). */
  links: string[];
  /** True for the item added automatically to follow up the previous meeting's actions. */
  followUp: boolean;
}

export interface AttendanceLine {
  name: string;
  organisation: string;
  /** Label of the role (Président·e, Membre, Invité·e) and seat (Titulaire, Suppléant·e). */
  role: string;
  attendance: MeetingAttendance | null;
  /** For « représenté·e »: by whom (a name). */
  representedBy: string | null;
}

export interface DecisionLine {
  /** « COPIL-2027-03 » */
  reference: string;
  type: DecisionType;
  title: string;
  /** The record it concerns, labelled, if any. */
  subject: string | null;
  text: string | null;
}

export interface ActionLine {
  who: string;
  what: string;
  dueOn: string | null;
  status: ActionStatus;
}

export interface MinutesDocument {
  meeting: MeetingHeader;
  status: MinutesStatus;
  approvedOn: string | null;
  circulatedOn: string | null;
  /** Present members against the quorum the rules set, or null when they set none. */
  quorum: { required: number; present: number } | null;
  attendance: AttendanceLine[];
  agenda: (AgendaLine & { minutes: RichDoc })[];
  decisions: DecisionLine[];
  actions: ActionLine[];
  /** The previous meeting's actions, as they stand now (follow-up). */
  previousActions: ActionLine[];
}

/** Key figures of the network on a day, for the members' preparation pack. */
export interface NetworkFigures {
  asOf: string;
  year: number;
  activePromeneurs: number;
  activeStructures: number;
  conventionsInForce: number;
  /** Subsidies of the year's conventions, in cents. */
  committedCents: number;
  paidCents: number;
  /** The yearly network meetings held so far against the year's goal. */
  meetingsHeld: { label: string; count: number; target: number }[];
  overdueItems: number;
}

export interface PreparationPack {
  meeting: MeetingHeader;
  agenda: AgendaLine[];
  figures: NetworkFigures;
  /** Open actions to follow up. */
  openActions: ActionLine[];
}

/** The letter notifying a structure that the COPIL excluded one of its Promeneurs. */
export interface ExclusionLetter {
  departmentName: string;
  /** The day the letter is dated. */
  date: string;
  structure: {
    name: string;
    address: string | null;
    postalCode: string | null;
    commune: string | null;
    representativeName: string | null;
    representativeTitle: string | null;
  };
  promeneur: { firstName: string; lastName: string };
  decision: { reference: string; meetingDate: string; text: string | null };
}

export interface DecisionRegisterRow extends DecisionLine {
  committee: Committee;
  /** The day of the meeting it was taken at. */
  date: string;
  meetingTitle: string;
}
