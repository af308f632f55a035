import { Select } from '@mantine/core';
import { ACTIVITY_PERIOD_KINDS, type ActivityPeriodKind } from '../../shared/domain/activity';
import { parsePeriod, recentPeriods } from '../../shared/rules/activity';

/** How many periods back the picker offers, per kind (two years, or five). */
const SHOWN: Record<ActivityPeriodKind, number> = { mensuelle: 24, trimestrielle: 9, annuelle: 5 };

/** The periods offered: the current one and those before it, plus `keep` if it is older. */
export function periodOptions(kind: ActivityPeriodKind, today: string, keep: string | null) {
  const options = recentPeriods(kind, today, SHOWN[kind]).map((p, i) => ({
    value: p.key,
    label: i === 0 ? `${p.label} (en cours)` : p.label,
  }));
  const kept = keep ? parsePeriod(keep) : null;
  if (kept && !options.some((o) => o.value === kept.key))
    options.push({ value: kept.key, label: kept.label });
  return options;
}

export interface PeriodChoice {
  kind: ActivityPeriodKind;
  today: string;
  value: string;
  onChange: (key: string) => void;
}

/** « Période » : the reporting periods of the settings' kind, newest first. */
export function PeriodSelect({ kind, today, value, onChange }: PeriodChoice) {
  return (
    <Select
      label="Période"
      description={`Collecte ${ACTIVITY_PERIOD_KINDS[kind].toLowerCase()} (voir les paramètres)`}
      data={periodOptions(kind, today, value)}
      value={value}
      onChange={(v) => v && onChange(v)}
      allowDeselect={false}
      w={260}
    />
  );
}
