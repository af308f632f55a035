/** The French names of a report's fields, for the change log and the forms. */
import {
  ACTIVITY_COUNTS,
  ACTIVITY_PERIOD_KINDS,
  ACTIVITY_SOURCES,
  ACTIVITY_TEXTS,
  CHANNEL_COUNT_LABEL,
  HOURS_ONLINE_LABEL,
  THEME_COUNT_LABEL,
} from '../../shared/domain/activity';

export const ACTIVITY_LABELS: Record<string, string> = {
  ...ACTIVITY_COUNTS,
  hoursOnline: HOURS_ONLINE_LABEL,
  ageBands: 'Répartition par âge',
  channels: CHANNEL_COUNT_LABEL,
  themes: THEME_COUNT_LABEL,
  ...ACTIVITY_TEXTS,
  source: 'Origine',
  fileName: 'Fichier importé',
  label: 'Libellé',
  order: 'Ordre',
  done: 'Mis de côté le',
};

/** Value lists of the activity's audit entries (and the setting's). */
export const ACTIVITY_VALUE_LISTS = {
  source: ACTIVITY_SOURCES,
  activityPeriod: ACTIVITY_PERIOD_KINDS,
};
