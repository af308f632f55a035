import {
  Alert,
  Button,
  Group,
  Modal,
  NumberInput,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { IconEraser } from '@tabler/icons-react';
import { useState } from 'react';
import { formatDate } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { LoadError, Loading } from '../components/QueryState';
import { EraseModal } from './EraseModal';

const ALL_WORDS = 'TOUT EFFACER';

/** The retention setting, and the Promeneurs who left the network longer ago, to erase. */
export function RetentionPanel() {
  const retention = useRoute('rights.retention', {});
  const [years, setYears] = useState<number | string | null>(null);
  const [saving, setSaving] = useState(false);
  const [target, setTarget] = useState<{ id: number; name: string } | null>(null);
  const [allOpen, setAllOpen] = useState(false);
  const [typed, setTyped] = useState('');
  const [progress, setProgress] = useState<string | null>(null);

  if (!retention.result) return <Loading />;
  if (!retention.result.ok)
    return <LoadError error={retention.result.error} onRetry={retention.reload} />;
  const { proposals, before } = retention.result.value;
  const shownYears = years ?? retention.result.value.years;

  const save = async () => {
    setSaving(true);
    const result = await invoke('settings.update', { retentionYears: Number(shownYears) });
    setSaving(false);
    if (!result.ok) return notifyError(result.error, 'Réglage refusé');
    setYears(null);
    notifySuccess(
      `Balise proposera d’effacer les Promeneurs sortis ou exclus depuis plus de ${plural(result.value.retentionYears, 'an', 'ans')}.`,
      'Durée de conservation enregistrée',
    );
    retention.reload();
  };

  const eraseAll = async () => {
    let done = 0;
    for (const p of proposals) {
      setProgress(`Effacement ${done + 1} sur ${proposals.length}…`);
      const result = await invoke('rights.erase', {
        person: { kind: 'promeneur', id: p.id },
        confirm: p.name,
      });
      if (!result.ok) {
        notifyError(result.error, `Effacement de ${p.name} impossible`);
        break;
      }
      done += 1;
    }
    setProgress(null);
    setAllOpen(false);
    setTyped('');
    if (done > 0) notifySuccess(`${plural(done, 'Promeneur effacé', 'Promeneurs effacés')}.`);
    retention.reload();
  };

  return (
    <Stack>
      <Group align="flex-end">
        <NumberInput
          label="Durée de conservation après la sortie du réseau (années)"
          description="Au-delà, Balise propose d’effacer les Promeneurs sortis ou exclus."
          min={1}
          max={30}
          allowDecimal={false}
          value={shownYears}
          onChange={setYears}
          w={440}
        />
        <Button
          variant="default"
          loading={saving}
          disabled={years === null || Number(years) === retention.result.value.years}
          onClick={() => void save()}
        >
          Enregistrer
        </Button>
      </Group>
      {proposals.length === 0 ? (
        <Text c="dimmed" size="sm">
          Aucun Promeneur n’est sorti ou exclu du réseau avant le {formatDate(before)} : rien à
          effacer pour l’instant.
        </Text>
      ) : (
        <>
          <Group justify="space-between">
            <Text size="sm">
              {plural(proposals.length, 'Promeneur sorti ou exclu', 'Promeneurs sortis ou exclus')}{' '}
              avant le {formatDate(before)} : leurs données peuvent être effacées.
            </Text>
            <Button
              color="red"
              variant="light"
              leftSection={<IconEraser size={16} aria-hidden />}
              onClick={() => setAllOpen(true)}
            >
              Tout effacer…
            </Button>
          </Group>
          <Table striped aria-label="Promeneurs à effacer">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Promeneur</Table.Th>
                <Table.Th>Statut</Table.Th>
                <Table.Th>Depuis le</Table.Th>
                <Table.Th aria-label="Actions" />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {proposals.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.name}</Table.Td>
                  <Table.Td>{p.status}</Table.Td>
                  <Table.Td>{formatDate(p.since)}</Table.Td>
                  <Table.Td ta="right">
                    <Button
                      size="xs"
                      color="red"
                      variant="subtle"
                      onClick={() => setTarget({ id: p.id, name: p.name })}
                      aria-label={`Effacer ${p.name}`}
                    >
                      Effacer…
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </>
      )}
      <EraseModal
        target={target && { person: { kind: 'promeneur', id: target.id }, name: target.name }}
        onClose={() => setTarget(null)}
        onErased={() => {
          setTarget(null);
          retention.reload();
        }}
      />
      <Modal
        opened={allOpen}
        onClose={() => setAllOpen(false)}
        title={`Effacer ${plural(proposals.length, 'Promeneur', 'Promeneurs')} ?`}
        centered
        closeButtonProps={{ 'aria-label': 'Fermer' }}
      >
        <Stack>
          <Alert color="red" variant="light">
            Leurs fiches, profils, permanences, historiques, invitations et liens du journal seront
            effacés définitivement : {proposals.map((p) => p.name).join(', ')}.
          </Alert>
          <TextInput
            label={`Pour confirmer, saisissez « ${ALL_WORDS} »`}
            value={typed}
            onChange={(e) => setTyped(e.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button
              variant="default"
              onClick={() => setAllOpen(false)}
              disabled={progress !== null}
            >
              Annuler
            </Button>
            <Button
              color="red"
              disabled={typed.trim().toUpperCase() !== ALL_WORDS}
              loading={progress !== null}
              onClick={() => void eraseAll()}
            >
              Effacer définitivement
            </Button>
          </Group>
          {progress && (
            <Text size="sm" role="status">
              {progress}
            </Text>
          )}
        </Stack>
      </Modal>
    </Stack>
  );
}
