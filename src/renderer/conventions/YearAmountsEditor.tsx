import { Group, SimpleGrid, Text } from '@mantine/core';
import { EuroInput } from './EuroInput';
import { formatEuros } from '../../shared/rules/conventions';
import { sumCents } from './money';
import type { YearAmountRow } from './formValues';

interface Props {
  rows: YearAmountRow[];
  onChange: (rows: YearAmountRow[]) => void;
  /** The form's field path of the rows, for error messages (`subsidies`). */
  path: string;
  error: (key: string) => string | undefined;
  onBlur: (key: string) => void;
  /** For an amendment: an empty year keeps its amount, shown as a hint. */
  current?: ReadonlyMap<number, number>;
  /** What to say while the period is not known yet. */
  emptyText: string;
  /** Inputs per row (a modal is narrower than a page). */
  cols?: number | Record<string, number>;
}

/** One euro amount per covered year (stored in cents), with the total. */
export function YearAmountsEditor({
  rows,
  onChange,
  path,
  error,
  onBlur,
  current,
  emptyText,
  cols = { base: 2, md: 4 },
}: Props) {
  if (rows.length === 0)
    return (
      <Text size="sm" c="dimmed">
        {emptyText}
      </Text>
    );
  const amendment = current !== undefined;
  return (
    <>
      <SimpleGrid cols={cols}>
        {rows.map((row, i) => {
          const key = `${path}.${i}.amountCents`;
          const was = current?.get(row.year);
          return (
            <EuroInput
              key={row.year}
              label={`Subvention ${row.year}`}
              required={!amendment}
              description={
                amendment
                  ? was === undefined
                    ? 'Année ajoutée'
                    : `Actuellement ${formatEuros(was)}`
                  : undefined
              }
              placeholder={amendment ? 'Inchangée' : '0,00'}
              cents={row.amountCents}
              onCents={(amountCents) =>
                onChange(rows.map((r, j) => (j === i ? { ...r, amountCents } : r)))
              }
              onBlur={() => onBlur(key)}
              error={
                error(key) && row.amountCents === null
                  ? `Indiquez le montant de ${row.year} (0 s’il n’y en a pas).`
                  : (error(key) ?? error(`${path}.${i}.year`))
              }
            />
          );
        })}
      </SimpleGrid>
      {!amendment && (
        <Group justify="flex-end">
          <Text size="sm" fw={600} aria-live="polite">
            Total : {formatEuros(sumCents(rows))}
          </Text>
        </Group>
      )}
    </>
  );
}
