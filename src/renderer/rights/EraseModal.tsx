import { Alert, Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import { useState } from 'react';
import type { PersonRef } from '../../shared/api/rights';
import { invoke } from '../api/client';
import { notifySuccess } from '../components/notify';

const fold = (s: string) => s.normalize('NFC').trim().replace(/\s+/g, ' ').toLocaleLowerCase('fr');

/** What erasing each kind of person removes, in the coordinator's words. */
const WHAT_GOES: Record<PersonRef['kind'], string[]> = {
  promeneur: [
    'la fiche du Promeneur, ses profils, ses permanences et l’historique de son statut ;',
    'ses invitations aux évènements et ses présences ;',
    'ses liens dans le journal d’activité (son nom est remplacé par « [nom effacé] » dans les textes) ;',
    'les valeurs de ses modifications passées dans le journal des modifications.',
  ],
  guest: [
    'ses invitations aux évènements et ses présences (nom, organisation, e-mail) ;',
    'son nom dans le journal d’activité et dans le journal des modifications.',
  ],
  contact: [
    'le nom et la qualité du représentant légal, et le nom du signataire de la charte, sur chaque structure concernée (les structures restent) ;',
    'son nom dans le journal d’activité et dans le journal des modifications.',
  ],
  committee_member: [
    'sa fiche de membre d’instance et ses présences aux réunions ;',
    'son nom dans les ordres du jour, comptes rendus, décisions et actions des instances (remplacé par « [nom effacé] ») ;',
    'son nom dans le journal d’activité et dans le journal des modifications.',
  ],
};

interface Props {
  target: { person: PersonRef; name: string } | null;
  onClose: () => void;
  onErased: () => void;
}

/** Erasing a person for good: what goes, and the name typed back to confirm. */
export function EraseModal({ target, onClose, onErased }: Props) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const close = () => {
    setTyped('');
    setError(null);
    onClose();
  };
  const matches = target !== null && fold(typed) !== '' && fold(typed) === fold(target.name);
  const erase = async () => {
    if (!target || !matches) return;
    setBusy(true);
    const result = await invoke('rights.erase', { person: target.person, confirm: typed });
    setBusy(false);
    if (!result.ok) return setError(result.error.message);
    notifySuccess(`Effacé : ${result.value.erased.join(', ')}.`, `${target.name} a été effacé(e)`);
    setTyped('');
    setError(null);
    onErased();
  };
  return (
    <Modal
      opened={target !== null}
      onClose={close}
      title={target ? `Effacer ${target.name} ?` : ''}
      centered
      size="lg"
      closeButtonProps={{ 'aria-label': 'Fermer' }}
    >
      {target && (
        <Stack>
          <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />}>
            L’effacement est définitif : aucune sauvegarde faite ensuite ne contiendra ces données.
            Exportez-les d’abord si la personne les demande.
          </Alert>
          <Text size="sm">Seront effacés :</Text>
          <List size="sm" spacing={4}>
            {WHAT_GOES[target.person.kind].map((line) => (
              <List.Item key={line}>{line}</List.Item>
            ))}
          </List>
          <Text size="sm">
            Le journal des modifications gardera seulement qu’un effacement a eu lieu, à quelle
            date, et quels champs.
          </Text>
          <TextInput
            label={`Pour confirmer, saisissez le nom « ${target.name} »`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') void erase();
            }}
          />
          {error && (
            <Alert color="red" variant="light" role="alert" title="Effacement refusé">
              {error}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button variant="default" onClick={close} disabled={busy}>
              Annuler
            </Button>
            <Button color="red" disabled={!matches} loading={busy} onClick={() => void erase()}>
              Effacer définitivement
            </Button>
          </Group>
        </Stack>
      )}
    </Modal>
  );
}
