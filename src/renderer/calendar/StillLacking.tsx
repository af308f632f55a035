import { Anchor, Button, List, Text } from '@mantine/core';
import { IconUserPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import type { CalendarEvent } from '../../shared/api/calendar';
import { invoke } from '../api/client';
import { Section } from '../components/FormSection';
import { plural } from '../components/format';
import { notifyError, notifySuccess } from '../components/notify';

const alreadyInvited = (n: number) =>
  n > 1
    ? `${n} d’entre eux sont déjà invités à cette session.`
    : 'L’un d’entre eux est déjà invité à cette session.';

/** For a training: the active Promeneurs who have not attended it yet, and not invited here. */
export function StillLacking({
  event: e,
  onInvited,
}: {
  event: CalendarEvent;
  onInvited: () => void;
}) {
  const [busy, setBusy] = useState(false);
  const invited = new Set(e.invitees.map((i) => i.promeneurId));
  const notInvited = e.stillLacking.filter((p) => !invited.has(p.id));

  const inviteAll = async () => {
    setBusy(true);
    const result = await invoke('calendar.invite', {
      eventId: e.id,
      promeneurIds: notInvited.map((p) => p.id),
    });
    setBusy(false);
    if (!result.ok) return notifyError(result.error);
    notifySuccess(`${plural(result.value.added, 'Promeneur invité', 'Promeneurs invités')}.`);
    onInvited();
  };

  return (
    <Section
      title="Promeneurs qui n’ont pas encore suivi cette formation"
      description="Les Promeneurs actifs qui n’ont été présents à aucune formation tenue portant ce titre."
      aside={
        notInvited.length > 0 && (
          <Button
            size="xs"
            variant="light"
            leftSection={<IconUserPlus size={14} aria-hidden />}
            loading={busy}
            onClick={() => void inviteAll()}
          >
            {notInvited.length > 1
              ? `Inviter ces ${notInvited.length} Promeneurs`
              : 'Inviter ce Promeneur'}
          </Button>
        )
      }
    >
      {e.stillLacking.length === 0 ? (
        <Text size="sm" c="dimmed">
          Tous les Promeneurs actifs ont déjà suivi cette formation.
        </Text>
      ) : (
        <>
          {notInvited.length < e.stillLacking.length && (
            <Text size="sm" c="dimmed">
              {alreadyInvited(e.stillLacking.length - notInvited.length)}
            </Text>
          )}
          {notInvited.length > 0 && (
            <List size="sm" spacing={2}>
              {notInvited.map((p) => (
                <List.Item key={p.id}>
                  <Anchor component={Link} to={`/promeneurs/${p.id}`} size="sm">
                    {p.firstName} {p.lastName}
                  </Anchor>{' '}
                  <Text span size="sm" c="dimmed">
                    — {p.structureName}
                  </Text>
                </List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </Section>
  );
}
