import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconArrowRight } from '@tabler/icons-react';
import type { ImportDefaults, ImportedTable, SheetMapping } from '../../shared/api/directoryImport';
import { DefaultsSection } from './DefaultsSection';
import { createdKinds, missingFields } from './mapping';
import { SheetMappingCard } from './SheetMappingCard';

interface Props {
  table: ImportedTable;
  sheets: SheetMapping[];
  defaults: ImportDefaults;
  previewing: boolean;
  error: string | null;
  onSheets: (sheets: SheetMapping[]) => void;
  onDefaults: (defaults: ImportDefaults) => void;
  onBack: () => void;
  onPreview: () => void;
}

/** Step 2: what each sheet holds, which column fills which field, the defaults of new records. */
export function MappingStep(p: Props) {
  const incomplete = p.sheets.some((s) => s.role !== 'ignore' && missingFields(s).length > 0);
  const nothing = p.sheets.every((s) => s.role === 'ignore');
  const blocked = incomplete || nothing;
  return (
    <Stack gap="lg">
      <Text size="sm">
        Balise a rapproché les titres de vos colonnes des champs de ses fiches. Vérifiez chaque
        correspondance (un exemple tiré du fichier s’affiche sous chaque choix) et corrigez-la au
        besoin. Vos choix sont mémorisés pour le prochain fichier aux mêmes titres.
      </Text>
      {p.table.sheets.map((sheet, i) => (
        <SheetMappingCard
          key={sheet.name}
          sheet={sheet}
          mapping={p.sheets[i]!}
          named={p.table.format === 'xlsx'}
          onChange={(m) => p.onSheets(p.sheets.map((s, j) => (j === i ? m : s)))}
        />
      ))}
      <DefaultsSection
        value={p.defaults}
        creates={createdKinds(p.sheets)}
        onChange={p.onDefaults}
      />
      {p.error && (
        <Alert color="red" variant="light" role="alert" title="Aperçu impossible : rien n’a changé">
          {p.error}
        </Alert>
      )}
      {nothing && (
        <Alert color="orange" variant="light">
          Toutes les feuilles sont ignorées : indiquez ce que contient au moins l’une d’elles.
        </Alert>
      )}
      <Group justify="space-between">
        <Button
          variant="default"
          leftSection={<IconArrowLeft size={16} aria-hidden />}
          onClick={p.onBack}
        >
          Retour au fichier
        </Button>
        <Button
          rightSection={<IconArrowRight size={16} aria-hidden />}
          loading={p.previewing}
          disabled={blocked}
          onClick={p.onPreview}
        >
          Voir l’aperçu
        </Button>
      </Group>
    </Stack>
  );
}
