import { Alert, Button, Text } from '@mantine/core';
import { IconAlertTriangle, IconRestore } from '@tabler/icons-react';
import { Link } from 'react-router-dom';

/**
 * Shown on every page once the open vault's file is found damaged (by the integrity check run
 * after unlocking, or by a query): main then refuses every write, so say it before the person
 * types anything, and lead to the backups.
 */
export function DamagedBanner() {
  return (
    <Alert
      color="red"
      variant="filled"
      mb="lg"
      icon={<IconAlertTriangle aria-hidden />}
      title="Le fichier du coffre est abîmé"
      role="alert"
    >
      <Text size="sm">
        Le contrôle d’intégrité du fichier de données échoue. Pour ne rien aggraver, Balise n’y
        enregistre plus rien : vous pouvez consulter ce qui reste lisible, mais plus rien modifier.
        Restaurez une sauvegarde ; le fichier abîmé sera mis de côté, pas effacé.
      </Text>
      <Button
        component={Link}
        to="/sauvegardes"
        mt="sm"
        size="xs"
        color="red"
        variant="white"
        leftSection={<IconRestore size={16} aria-hidden />}
      >
        Restaurer une sauvegarde
      </Button>
    </Alert>
  );
}
