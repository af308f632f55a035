import { Anchor } from '@mantine/core';
import type { ReactNode } from 'react';

/** A web or mail link; main opens it in the system's browser or mail program. */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <Anchor href={href} target="_blank" rel="noreferrer noopener" size="sm">
      {children ?? href}
    </Anchor>
  );
}
