import {
  Alert,
  Anchor,
  Button,
  Group,
  NumberInput,
  Stack,
  Switch,
  Text,
  TextInput,
} from '@mantine/core';
import { IconDeviceFloppy } from '@tabler/icons-react';
import { useState } from 'react';
import {
  DEFAULT_BACKUPS_KEPT,
  MAX_BACKUPS_KEPT,
  MIN_BACKUPS_KEPT,
  type BackupInfo,
  type BackupSettings,
} from '../../shared/api/backups';
import { invoke } from '../api/client';
import { useRoute } from '../api/useRoute';
import { usePageTitle } from '../app/usePageTitle';
import { useVault } from '../app/vaultContext';
import { Section } from '../components/FormSection';
import { keepFocus } from '../components/keepFocus';
import { notifyError, notifySuccess } from '../components/notify';
import { PageHeader } from '../components/PageHeader';
import { LoadError, Loading } from '../components/QueryState';
import { BackupTable } from './BackupTable';
import { formatBackupDate, formatSize } from './format';
import { RestoreModal } from './RestoreModal';

/** Sauvegardes: where they go, automatic or not, how many are kept; the list; restore. */
export function BackupsPage() {
  usePageTitle('Sauvegardes');
  const { status, setStatus } = useVault();
  const settings = useRoute('backups.settings.get', {});
  const list = useRoute('backups.list', {});
  const [saving, setSaving] = useState(false);
  const [restoring, setRestoring] = useState<BackupInfo | null>(null);

  const backupNow = async () => {
    setSaving(true);
    const result = await invoke('backups.create', {});
    setSaving(false);
    if (!result.ok) return notifyError(result.error, 'Sauvegarde impossible');
    notifySuccess(
      `Sauvegarde du ${formatBackupDate(result.value.date)} écrite (${formatSize(result.value.size)}).`,
    );
    list.reload();
  };

  return (
    <Stack gap="lg" maw={820}>
      <PageHeader
        title="Sauvegardes"
        actions={
          <Button
            onClick={() => void backupNow()}
            loading={saving}
            leftSection={<IconDeviceFloppy size={18} aria-hidden />}
          >
            Sauvegarder maintenant
          </Button>
        }
      />
      <Text size="sm" c="dimmed" mt={-16}>
        Une sauvegarde est une copie chiffrée du coffre : elle ne s’ouvre qu’avec la phrase de passe
        du coffre (celle en vigueur au moment de la sauvegarde) ou avec la clé de secours. Rangez-en
        une copie hors de cet ordinateur : un disque externe, un partage réseau.
      </Text>
      <Section
        title="Sauvegardes disponibles"
        description={
          list.result?.ok ? (
            <>
              Dans{' '}
              <Text span ff="monospace" size="xs">
                {list.result.value.folder}
              </Text>
              , de la plus récente à la plus ancienne.
            </>
          ) : undefined
        }
      >
        {!list.result ? (
          <Loading />
        ) : !list.result.ok ? (
          <LoadError error={list.result.error} onRetry={list.reload} />
        ) : (
          <>
            <BackupTable backups={list.result.value.backups} onRestore={setRestoring} />
            <RestoreModal
              backup={restoring}
              vaultFolder={list.result.value.vaultFolder}
              damaged={status.integrity === 'abimee'}
              onClose={() => setRestoring(null)}
              onRestored={(outcome, backup) => {
                setRestoring(null);
                notifySuccess(
                  `Le coffre a repris son état du ${formatBackupDate(backup.date)}. L’ancien coffre est conservé dans ${outcome.replacedFolder ?? 'le dossier du coffre'}.`,
                  'Sauvegarde restaurée',
                );
                list.reload();
                setStatus(outcome.status);
              }}
            />
          </>
        )}
      </Section>
      {!settings.result ? (
        <Loading />
      ) : !settings.result.ok ? (
        <LoadError error={settings.result.error} onRetry={settings.reload} />
      ) : (
        <SettingsForm
          key={JSON.stringify(settings.result.value)}
          initial={settings.result.value}
          onSaved={() => {
            settings.reload();
            list.reload();
          }}
        />
      )}
    </Stack>
  );
}

function SettingsForm({ initial, onSaved }: { initial: BackupSettings; onSaved: () => void }) {
  const [folder, setFolder] = useState(initial.folder);
  const [automatic, setAutomatic] = useState(initial.automatic);
  const [keep, setKeep] = useState<number | string>(initial.keep);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const save = async (change: Parameters<typeof update>[0]) => {
    setSaving(true);
    const result = await update(change);
    setSaving(false);
    if (!result.ok) {
      setErrors(result.error.fields ?? {});
      setFormError(result.error.message);
      return;
    }
    setErrors({});
    setFormError(null);
    notifySuccess('Réglages des sauvegardes enregistrés.');
    onSaved();
  };

  const submit = () => {
    if (typeof keep !== 'number' || !Number.isInteger(keep)) {
      setErrors({ keep: 'Nombre entier attendu.' });
      return;
    }
    const folderChanged = folder.trim() !== initial.folder;
    void save({ ...(folderChanged ? { folder: folder.trim() } : {}), automatic, keep });
  };

  return (
    <Section
      title="Réglages"
      description="Balise enregistre ces réglages à côté du coffre : ils restent lisibles quand le coffre est verrouillé ou abîmé."
    >
      <form
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <Stack>
          <TextInput
            label="Dossier des sauvegardes"
            description={
              initial.defaultFolder
                ? 'Dossier par défaut, à côté du coffre. Collez le chemin complet d’un autre dossier (disque externe, partage réseau) pour l’y envoyer.'
                : 'Chemin complet du dossier choisi (il doit exister et être accessible en écriture).'
            }
            value={folder}
            onChange={(e) => {
              setFolder(e.currentTarget.value);
              setErrors({});
              setFormError(null);
            }}
            error={errors.folder}
            styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)' } }}
            spellCheck={false}
          />
          {!initial.defaultFolder && (
            <Anchor
              component="button"
              type="button"
              size="sm"
              w="fit-content"
              mt={-8}
              onClick={() => void save({ useDefaultFolder: true })}
            >
              Revenir au dossier par défaut
            </Anchor>
          )}
          <Switch
            label="Sauvegarde automatique"
            description="Au verrouillage du coffre et à la fermeture de Balise, une fois par jour au plus."
            checked={automatic}
            onChange={(e) => setAutomatic(e.currentTarget.checked)}
          />
          <NumberInput
            label="Sauvegardes automatiques gardées"
            description={`Au-delà, les plus anciennes sont supprimées ; les sauvegardes manuelles ne le sont jamais. Par défaut : ${DEFAULT_BACKUPS_KEPT}.`}
            min={MIN_BACKUPS_KEPT}
            max={MAX_BACKUPS_KEPT}
            allowDecimal={false}
            allowNegative={false}
            clampBehavior="none"
            value={keep}
            onChange={setKeep}
            error={errors.keep}
            maw={520}
          />
          {formError && (
            <Alert color="red" variant="light" role="alert">
              {formError}
            </Alert>
          )}
          <Group justify="flex-end">
            <Button type="submit" loading={saving} {...keepFocus}>
              Enregistrer
            </Button>
          </Group>
        </Stack>
      </form>
    </Section>
  );
}

const update = (change: {
  folder?: string;
  useDefaultFolder?: true;
  automatic?: boolean;
  keep?: number;
}) => invoke('backups.settings.update', change);
