// The application menu: the usual shortcuts through Electron roles, the app's own commands from the one
// command table (src-shared/commands.ts), reload and devtools in development only. A command item asks
// the window to run it, so the renderer's registry decides whether it is enabled and what it does.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import { COMMANDS, menuAccelerator, shortcutLabel, type CommandDeclaration, type CommandId } from '@shared/commands';

export interface MenuOptions {
  dev: boolean;
  appName: string;
  onCommand(id: CommandId): void;
}

function commandItems(menu: CommandDeclaration['menu'], options: MenuOptions, mac: boolean): MenuItemConstructorOptions[] {
  return COMMANDS.filter((c) => c.menu === menu).map((c) => {
    const accelerator = menuAccelerator(c.shortcut);
    // Plain-key shortcuts (N, R, 1...) are shown in the label, never bound: they would swallow typing.
    const hint = c.shortcut && !accelerator ? `\t${shortcutLabel(c.shortcut, mac)}` : '';
    return { label: `${c.label}${hint}`, ...(accelerator ? { accelerator } : {}), click: () => options.onCommand(c.id) };
  });
}

export function buildMenu(options: MenuOptions): Menu {
  const mac = process.platform === 'darwin';
  const separator: MenuItemConstructorOptions = { type: 'separator' };
  const template: MenuItemConstructorOptions[] = [
    ...(mac
      ? [
          {
            label: options.appName,
            submenu: [
              { role: 'about' },
              { type: 'separator' },
              { role: 'hide' },
              { role: 'hideOthers' },
              { role: 'unhide' },
              { type: 'separator' },
              { role: 'quit' },
            ],
          } satisfies MenuItemConstructorOptions,
        ]
      : []),
    { label: 'File', submenu: [...commandItems('File', options, mac), separator, mac ? { role: 'close' } : { role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' },
        { role: 'redo' },
        { type: 'separator' },
        { role: 'cut' },
        { role: 'copy' },
        { role: 'paste' },
        { role: 'delete' },
        { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [
        ...commandItems('View', options, mac),
        separator,
        ...(options.dev
          ? ([{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }] satisfies MenuItemConstructorOptions[])
          : []),
        { role: 'resetZoom' },
        { role: 'zoomIn' },
        { role: 'zoomOut' },
        { type: 'separator' },
        { role: 'togglefullscreen' },
      ],
    },
    {
      label: 'Window',
      submenu: mac ? [{ role: 'minimize' }, { role: 'zoom' }, { type: 'separator' }, { role: 'front' }] : [{ role: 'minimize' }, { role: 'close' }],
    },
    { label: 'Help', submenu: commandItems('Help', options, mac) },
  ];
  return Menu.buildFromTemplate(template);
}
