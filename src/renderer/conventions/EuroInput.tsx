import { NumberInput, Text, type NumberInputProps } from '@mantine/core';
import { centsToEuros, eurosToCents } from './money';

type Props = Omit<NumberInputProps, 'value' | 'onChange'> & {
  /** The amount in cents, as the API keeps it; null for an empty field. */
  cents: number | null;
  onCents: (cents: number | null) => void;
};

/** An amount in euros typed the French way (1 234,50 €), given and returned in cents. */
export function EuroInput({ cents, onCents, ...props }: Props) {
  return (
    <NumberInput
      {...props}
      value={centsToEuros(cents)}
      onChange={(value) => onCents(eurosToCents(value))}
      min={0}
      decimalScale={2}
      decimalSeparator=","
      thousandSeparator=" "
      allowNegative={false}
      hideControls
      rightSection={<Text size="sm">€</Text>}
    />
  );
}
