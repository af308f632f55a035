import {
  ActionIcon,
  Alert,
  Box,
  Button,
  Checkbox,
  FileButton,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  TextInput,
  Tooltip,
  VisuallyHidden,
} from '@mantine/core';
import {
  IconFileTypePdf,
  IconPaperclip,
  IconPhoto,
  IconPlus,
  IconTrash,
} from '@tabler/icons-react';
import { useState } from 'react';
import { conventionsRoutes, documentFields, type Convention } from '../../shared/api/conventions';
import { DOCUMENT_CATEGORIES, type DocumentCategory } from '../../shared/domain/conventions';
import { formatDate, todayInParis } from '../../shared/rules/dates';
import { invoke } from '../api/client';
import { ConfirmModal } from '../components/ConfirmModal';
import { DateField } from '../components/DateField';
import { EditModal } from '../components/EditModal';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';
import { optionsOf } from '../components/options';
import { RowActions } from '../components/RowActions';
import { useFieldsForm } from '../components/useFieldsForm';
import { useEditRemove } from '../components/useEditRemove';
import {
  attachmentProblem,
  ACCEPTED_TYPES,
  formatSize,
  isAttachmentType,
  readAsBase64,
} from './attachmentFile';
import { CONVENTION_LABELS as L } from './labels';
import { ModalFormFrame } from './ModalFormFrame';

type Doc = Convention['documents'][number];
type Attachment = Doc['attachments'][number];
type Removal =
  { kind: 'document'; doc: Doc } | { kind: 'attachment'; doc: Doc; attachment: Attachment };

interface Props {
  convention: Convention;
  onChanged: () => void;
  onOpen: (attachment: Attachment) => void;
}

/** The « Pièces justificatives » tab: the checklist by category, its dates and scans. */
export function ConventionDocuments({ convention: c, onChanged, onOpen }: Props) {
  // « new » adds a document by hand; a document or one of its files can be removed.
  const records = useEditRemove<Doc, Removal>({
    onChanged,
    remove: (r) =>
      r.kind === 'document'
        ? invoke('conventions.documents.remove', { id: r.doc.id })
        : invoke('conventions.attachments.remove', { id: r.attachment.id }),
    removed: (r) => (r.kind === 'document' ? 'Pièce retirée.' : 'Fichier supprimé.'),
  });
  const removing = records.removing;
  const [busy, setBusy] = useState<string | null>(null);
  // A refused file stays said beside the checklist until the next try (a toast would go).
  const [uploadError, setUploadError] = useState<string | null>(null);

  const received = c.documents.filter((d) => d.receivedOn !== null).length;
  const validated = c.documents.filter((d) => d.validatedOn !== null).length;
  const categories = (Object.keys(DOCUMENT_CATEGORIES) as DocumentCategory[]).filter((cat) =>
    c.documents.some((d) => d.category === cat),
  );

  const tick = async (doc: Doc, checked: boolean) => {
    setBusy(`tick:${doc.id}`);
    const result = await invoke('conventions.documents.update', {
      id: doc.id,
      fields: {
        receivedOn: checked ? todayInParis() : null,
        validatedOn: doc.validatedOn,
        comment: doc.comment,
      },
    });
    setBusy(null);
    if (!result.ok) return notifyError(result.error);
    onChanged();
  };

  const attach = async (doc: Doc, file: File | null) => {
    if (!file) return;
    const problem = attachmentProblem(file);
    if (problem || !isAttachmentType(file.type)) return setUploadError(problem);
    setUploadError(null);
    setBusy(`attach:${doc.id}`);
    try {
      const result = await invoke('conventions.attachments.add', {
        documentId: doc.id,
        fileName: file.name,
        mimeType: file.type,
        contentBase64: await readAsBase64(file),
      });
      if (!result.ok) return setUploadError(result.error.message);
      notifySuccess(`« ${file.name} » est joint à la pièce « ${doc.label} ».`);
      onChanged();
    } catch {
      setUploadError(`« ${file.name} » n’a pas pu être lu. Vérifiez qu’il est encore à sa place.`);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <Text size="sm" c="dimmed" aria-live="polite">
          {received} sur {plural(c.documents.length, 'pièce reçue', 'pièces reçues')}
          {validated > 0 ? `, ${plural(validated, 'validée', 'validées')}` : ''}. Les scans joints
          restent chiffrés dans le coffre.
        </Text>
        <Button
          variant="light"
          leftSection={<IconPlus size={16} aria-hidden />}
          onClick={() => records.edit('new')}
        >
          Ajouter une pièce
        </Button>
      </Group>
      {uploadError && (
        <Alert
          color="red"
          variant="light"
          role="alert"
          title="Fichier non joint"
          withCloseButton
          closeButtonLabel="Fermer ce message"
          onClose={() => setUploadError(null)}
        >
          {uploadError}
        </Alert>
      )}
      {c.documents.length === 0 ? (
        <Text size="sm" c="dimmed">
          Aucune pièce à demander pour cette convention. « Ajouter une pièce » en ajoute une à la
          main.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={900}>
          <Table verticalSpacing="xs" aria-label="Pièces justificatives">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Pièce</Table.Th>
                <Table.Th w={150}>Reçue</Table.Th>
                <Table.Th w={110}>Validée le</Table.Th>
                <Table.Th>Fichiers</Table.Th>
                <Table.Th w={80}>
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            {categories.map((cat) => (
              <Table.Tbody key={cat}>
                <Table.Tr bg="var(--mantine-color-default-hover)">
                  <Table.Th colSpan={5} scope="colgroup">
                    {DOCUMENT_CATEGORIES[cat]}
                  </Table.Th>
                </Table.Tr>
                {c.documents
                  .filter((d) => d.category === cat)
                  .map((doc) => (
                    <Table.Tr key={doc.id}>
                      <Table.Td>
                        <Text size="sm" fw={500}>
                          {doc.label}
                        </Text>
                        {doc.key === null && (
                          <Text size="xs" c="dimmed">
                            Ajoutée à la main
                          </Text>
                        )}
                        {doc.comment && (
                          <Text size="xs" c="dimmed" lineClamp={2} title={doc.comment}>
                            {doc.comment}
                          </Text>
                        )}
                      </Table.Td>
                      <Table.Td>
                        <Tooltip
                          label="Pièce validée : pour la décocher, retirez d’abord la date de validation (crayon « Modifier »)."
                          disabled={doc.validatedOn === null}
                        >
                          <Box w="fit-content">
                            <Checkbox
                              aria-label={`Reçue : ${doc.label}`}
                              label={doc.receivedOn ? `le ${formatDate(doc.receivedOn)}` : 'Non'}
                              checked={doc.receivedOn !== null}
                              disabled={doc.validatedOn !== null || busy === `tick:${doc.id}`}
                              onChange={(e) => void tick(doc, e.currentTarget.checked)}
                            />
                          </Box>
                        </Tooltip>
                      </Table.Td>
                      <Table.Td>{formatDate(doc.validatedOn) || '—'}</Table.Td>
                      <Table.Td>
                        <Stack gap={4} align="flex-start">
                          {doc.attachments.map((a) => (
                            <Group key={a.id} gap={4} wrap="nowrap">
                              <Button
                                size="compact-sm"
                                variant="subtle"
                                leftSection={
                                  a.mimeType === 'application/pdf' ? (
                                    <IconFileTypePdf size={16} aria-hidden />
                                  ) : (
                                    <IconPhoto size={16} aria-hidden />
                                  )
                                }
                                onClick={() => onOpen(a)}
                                aria-label={`Ouvrir ${a.fileName}`}
                                title={`Ouvrir ${a.fileName}`}
                                maw={260}
                              >
                                <Text span size="sm" truncate>
                                  {a.fileName}
                                </Text>
                              </Button>
                              <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                                {formatSize(a.size)}
                              </Text>
                              <ActionIcon
                                variant="subtle"
                                color="red"
                                size="sm"
                                aria-label={`Supprimer le fichier ${a.fileName}`}
                                onClick={() =>
                                  records.askRemove({ kind: 'attachment', doc, attachment: a })
                                }
                              >
                                <IconTrash size={14} aria-hidden />
                              </ActionIcon>
                            </Group>
                          ))}
                          <FileButton
                            accept={ACCEPTED_TYPES}
                            onChange={(file) => void attach(doc, file)}
                          >
                            {(props) => (
                              <Button
                                {...props}
                                size="compact-sm"
                                variant="subtle"
                                loading={busy === `attach:${doc.id}`}
                                leftSection={<IconPaperclip size={14} aria-hidden />}
                                aria-label={`Joindre un scan à « ${doc.label} »`}
                              >
                                Joindre un scan
                              </Button>
                            )}
                          </FileButton>
                        </Stack>
                      </Table.Td>
                      <Table.Td>
                        <RowActions
                          editLabel={`Modifier la pièce « ${doc.label} »`}
                          removeLabel={`Retirer la pièce « ${doc.label} »`}
                          onEdit={() => records.edit(doc)}
                          // Only the documents added by hand can be taken off the list.
                          onRemove={
                            doc.key === null
                              ? () => records.askRemove({ kind: 'document', doc })
                              : undefined
                          }
                        />
                      </Table.Td>
                    </Table.Tr>
                  ))}
              </Table.Tbody>
            ))}
          </Table>
        </Table.ScrollContainer>
      )}
      <Text size="xs" c="dimmed">
        Fichiers acceptés : PDF, JPEG ou PNG, 20 Mo au plus.
      </Text>

      <EditModal
        editing={records.editing}
        onClose={records.closeEdit}
        newTitle="Ajouter une pièce"
        editTitle={(doc) => `Pièce : ${doc.label}`}
      >
        {(doc) =>
          doc ? (
            <DocumentForm doc={doc} onDone={records.saved} onCancel={records.closeEdit} />
          ) : (
            <AddDocumentForm
              conventionId={c.id}
              onDone={records.saved}
              onCancel={records.closeEdit}
            />
          )
        }
      </EditModal>
      <ConfirmModal
        {...records.confirmProps}
        title={removing?.kind === 'document' ? 'Retirer cette pièce ?' : 'Supprimer ce fichier ?'}
        confirmLabel={removing?.kind === 'document' ? 'Retirer la pièce' : 'Supprimer le fichier'}
      >
        {removing?.kind === 'document'
          ? `La pièce « ${removing.doc.label} » sera retirée de la liste, avec ses dates, son commentaire et ses fichiers joints.`
          : removing?.kind === 'attachment'
            ? `Le fichier « ${removing.attachment.fileName} » sera supprimé du coffre. La pièce « ${removing.doc.label} » garde ses dates.`
            : null}
      </ConfirmModal>
    </Stack>
  );
}

function DocumentForm({
  doc,
  onDone,
  onCancel,
}: {
  doc: Doc;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(documentFields, {
    receivedOn: doc.receivedOn,
    validatedOn: doc.validatedOn,
    comment: doc.comment ?? '',
  });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((fields) =>
      invoke('conventions.documents.update', { id: doc.id, fields }),
    );
    if (result?.ok) {
      notifySuccess('Pièce mise à jour.');
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <Group grow align="flex-start">
        <DateField
          label={L.receivedOn}
          value={v.receivedOn}
          onChange={(value) => set('receivedOn', value)}
          {...bind('receivedOn')}
        />
        <DateField
          label={L.validatedOn}
          description="Après vérification."
          value={v.validatedOn}
          onChange={(value) => set('validatedOn', value)}
          {...bind('validatedOn')}
        />
      </Group>
      <Textarea
        label={L.comment}
        autosize
        minRows={2}
        maxRows={6}
        value={v.comment}
        onChange={(e) => set('comment', e.currentTarget.value)}
        {...bind('comment')}
      />
    </ModalFormFrame>
  );
}

const addDocumentInput = conventionsRoutes['conventions.documents.add'].input;

function AddDocumentForm({
  conventionId,
  onDone,
  onCancel,
}: {
  conventionId: number;
  onDone: () => void;
  onCancel: () => void;
}) {
  const form = useFieldsForm(addDocumentInput, {
    conventionId,
    label: '',
    category: 'autre' as DocumentCategory | null,
  });
  const { values: v, set, bind } = form;
  const submit = async () => {
    const result = await form.submit((input) => invoke('conventions.documents.add', input));
    if (result?.ok) {
      notifySuccess('Pièce ajoutée.');
      onDone();
    }
  };
  return (
    <ModalFormFrame form={form} onSubmit={() => void submit()} onCancel={onCancel}>
      <TextInput
        label="Intitulé de la pièce"
        required
        data-autofocus
        value={v.label}
        onChange={(e) => set('label', e.currentTarget.value)}
        {...bind('label')}
      />
      <Select
        label={L.category}
        required
        data={optionsOf(DOCUMENT_CATEGORIES)}
        value={v.category}
        onChange={(value) => set('category', value as DocumentCategory | null)}
        allowDeselect={false}
        {...bind('category')}
      />
    </ModalFormFrame>
  );
}
