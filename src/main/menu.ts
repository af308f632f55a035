/** The native menu, in French. */
import { app, Menu, shell, type MenuItemConstructorOptions } from 'electron';

export interface MenuActions {
  lockNow(): void;
}

export function buildMenu(actions: MenuActions, isDev: boolean): Menu {
  const isMac = process.platform === 'darwin';
  const template: MenuItemConstructorOptions[] = [
    ...(isMac
      ? [
          {
            label: app.name,
            submenu: [
              { role: 'about' as const, label: 'À propos de Balise' },
              { type: 'separator' as const },
              { role: 'hide' as const, label: 'Masquer Balise' },
              { role: 'quit' as const, label: 'Quitter Balise' },
            ],
          },
        ]
      : []),
    {
      label: 'Fichier',
      submenu: [
        {
          label: 'Verrouiller maintenant',
          accelerator: 'CmdOrCtrl+L',
          click: () => actions.lockNow(),
        },
        { type: 'separator' },
        isMac ? { role: 'close', label: 'Fermer la fenêtre' } : { role: 'quit', label: 'Quitter' },
      ],
    },
    {
      label: 'Édition',
      submenu: [
        { role: 'undo', label: 'Annuler' },
        { role: 'redo', label: 'Rétablir' },
        { type: 'separator' },
        { role: 'cut', label: 'Couper' },
        { role: 'copy', label: 'Copier' },
        { role: 'paste', label: 'Coller' },
        { role: 'selectAll', label: 'Tout sélectionner' },
      ],
    },
    {
      label: 'Affichage',
      submenu: [
        { role: 'resetZoom', label: 'Taille réelle' },
        { role: 'zoomIn', label: 'Zoom avant' },
        { role: 'zoomOut', label: 'Zoom arrière' },
        { type: 'separator' },
        { role: 'togglefullscreen', label: 'Plein écran' },
        ...(isDev
          ? [
              { type: 'separator' as const },
              { role: 'toggleDevTools' as const, label: 'Outils de développement' },
            ]
          : []),
      ],
    },
    {
      label: 'Aide',
      submenu: [
        {
          label: 'Le dispositif Promeneurs du Net',
          click: () => void shell.openExternal('https://www.promeneursdunet.fr/'),
        },
        ...(isMac ? [] : [{ role: 'about' as const, label: 'À propos de Balise' }]),
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
