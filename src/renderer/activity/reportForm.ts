/**
 * The report form's values and their checks: the shared schema of main, fed with what the
 * inputs hold (a blank count of a channel or theme is 0; the age bands count only when the
 * breakdown is known), so the form and main give the same messages on the same fields.
 */
import { z } from 'zod';
import {
  activityFigures,
  type ActivityListValue,
  type ActivityReport,
} from '../../shared/api/activity';
import { ACTIVITY_TEXTS, type ActivityText, type AgeBand } from '../../shared/domain/activity';

type Count = number | string;

export interface ReportValues {
  [key: string]: unknown;
  youngContacted: Count;
  youngMet: Count;
  projectsStarted: Count;
  exchanges: Count;
  concernsReferred: Count;
  hoursOnline: Count;
  ageKnown: boolean;
  ageBands: Record<AgeBand, Count>;
  channels: { id: number; count: Count }[];
  themes: { id: number; count: Count }[];
  partners: string;
  projectsText: string;
  qualityNotes: string;
  difficulties: string;
  trainingWishes: string;
}

const blankIsZero = (v: Count) => (v === '' ? 0 : v);

/** What the inputs hold, as main's schema reads it. */
export function figuresOf(v: ReportValues) {
  return {
    youngContacted: v.youngContacted,
    youngMet: v.youngMet,
    projectsStarted: v.projectsStarted,
    exchanges: v.exchanges,
    concernsReferred: v.concernsReferred,
    hoursOnline: v.hoursOnline,
    ageBands: v.ageKnown
      ? {
          age12to14: blankIsZero(v.ageBands.age12to14),
          age15to17: blankIsZero(v.ageBands.age15to17),
          age18to25: blankIsZero(v.ageBands.age18to25),
        }
      : null,
    channels: v.channels.map((c) => ({ id: c.id, count: blankIsZero(c.count) })),
    themes: v.themes.map((c) => ({ id: c.id, count: blankIsZero(c.count) })),
    ...Object.fromEntries((Object.keys(ACTIVITY_TEXTS) as ActivityText[]).map((t) => [t, v[t]])),
  };
}

export const reportSchema = z.preprocess((v) => figuresOf(v as ReportValues), activityFigures);

/** The form's first values: the report's, or blanks; every value of the lists has its input. */
export function initialValues(
  report: ActivityReport | null,
  lists: { channels: ActivityListValue[]; themes: ActivityListValue[] },
): ReportValues {
  const f = report?.figures;
  const countOf = (items: { id: number; count: number }[] | undefined, id: number): Count => {
    const found = items?.find((c) => c.id === id);
    return found && found.count > 0 ? found.count : '';
  };
  return {
    youngContacted: f?.youngContacted ?? '',
    youngMet: f?.youngMet ?? '',
    projectsStarted: f?.projectsStarted ?? '',
    exchanges: f?.exchanges ?? '',
    concernsReferred: f?.concernsReferred ?? '',
    hoursOnline: f?.hoursOnline ?? '',
    ageKnown: f?.ageBands != null,
    ageBands: f?.ageBands ?? { age12to14: '', age15to17: '', age18to25: '' },
    channels: lists.channels.map((c) => ({ id: c.id, count: countOf(f?.channels, c.id) })),
    themes: lists.themes.map((t) => ({ id: t.id, count: countOf(f?.themes, t.id) })),
    partners: f?.partners ?? '',
    projectsText: f?.projectsText ?? '',
    qualityNotes: f?.qualityNotes ?? '',
    difficulties: f?.difficulties ?? '',
    trainingWishes: f?.trainingWishes ?? '',
  };
}
