import { CloseButton, TextInput } from '@mantine/core';
import { useDebouncedCallback } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';

interface Props {
  value: string;
  onSearch: (value: string) => void;
  placeholder: string;
}

/** The search field of a list: searches as one types, after a short pause. */
export function SearchBox({ value, onSearch, placeholder }: Props) {
  const [text, setText] = useState(value);
  const [seen, setSeen] = useState(value);
  // The list's filters were cleared elsewhere: show what the list really searches.
  if (value !== seen) {
    setSeen(value);
    if (value !== text.trim()) setText(value);
  }
  const search = useDebouncedCallback((next: string) => onSearch(next.trim()), 250);
  return (
    <TextInput
      label="Rechercher"
      placeholder={placeholder}
      value={text}
      onChange={(e) => {
        setText(e.currentTarget.value);
        search(e.currentTarget.value);
      }}
      leftSection={<IconSearch size={16} aria-hidden />}
      rightSection={
        text ? (
          <CloseButton
            aria-label="Effacer la recherche"
            size="sm"
            onClick={() => {
              setText('');
              onSearch('');
            }}
          />
        ) : null
      }
      style={{ flex: '1 1 260px' }}
    />
  );
}
