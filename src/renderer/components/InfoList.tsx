import { Text } from '@mantine/core';
import { Fragment, type ReactNode } from 'react';

export type InfoItem = [label: string, value: ReactNode];

const isEmpty = (v: ReactNode) => v === null || v === undefined || v === '' || v === false;

/** Label/value pairs of a record, as a description list; empty values say so. */
export function InfoList({ items, label }: { items: InfoItem[]; label?: string }) {
  return (
    <dl className="info-list" aria-label={label}>
      {items.map(([term, value]) => (
        <Fragment key={term}>
          <dt>{term}</dt>
          <dd>
            {isEmpty(value) ? (
              <Text span size="sm" c="dimmed" fs="italic">
                Non renseigné
              </Text>
            ) : (
              value
            )}
          </dd>
        </Fragment>
      ))}
    </dl>
  );
}
