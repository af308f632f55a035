import { useEffect } from 'react';

/** The window title follows the page: « Structures — Balise ». */
export function usePageTitle(title: string | null | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} — Balise` : 'Balise';
  }, [title]);
}
