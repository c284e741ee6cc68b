// k9s' stock skin (internal/config/templates/stock-skin.yaml → frame.status, ui/config.go), as hex colours so Ink
// prints them the same on every terminal. One place, so a light-terminal skin is one table away.

export const COLOURS = {
  /** StdColor: an unremarkable row. */
  std: '#87cefa', // lightskyblue
  /** ModColor: a cell that changed since the last refresh. */
  mod: '#adff2f', // greenyellow
  /** AddColor: a row that just appeared. */
  add: '#1e90ff', // dodgerblue
  /** PendingColor: Pending, ContainerCreating, cordoned nodes. */
  pending: '#ff8c00', // darkorange
  /** ErrColor: CrashLoopBackOff, Error, NotReady, a ready-count mismatch. */
  error: '#ff4500', // orangered
  /** KillColor: Terminating. */
  kill: '#9370db', // mediumpurple
  /** CompletedColor: Completed / Succeeded. */
  completed: '#778899', // lightslategray
  highlight: '#00ffff', // aqua
  title: '#00ffff',
  count: '#ffefd5', // papayawhip
  namespace: '#ff00ff', // fuchsia
  filter: '#2e8b57', // seagreen
  border: '#1e90ff',
  menuKey: '#1e90ff',
  menuText: '#ffffff',
  infoLabel: '#ffffff',
  infoValue: '#ffa500', // orange
  logo: '#ffa500',
  flashInfo: '#ffdead', // navajowhite
  flashWarn: '#ffa500',
  flashError: '#ff4500',
  crumb: '#00ffff',
  crumbActive: '#ffa500',
  header: '#ffffff',
  cursorFg: '#000000',
  cursorBg: '#00ffff',
  caption: '#ffd700',
  dialog: '#483d8b', // darkslateblue
  dialogFocus: '#1e90ff',
  grow: '#ff4500', // a number that grew: red ↑ (ui/deltas.go)
  shrink: '#32cd32', // a number that shrank: green ↓
} as const;

/** How healthy a row is; each view maps its rows to one of these (k9s' ColorerFunc). */
export type Health = 'ok' | 'pending' | 'error' | 'completed' | 'terminating' | 'warning';

export const HEALTH_COLOUR: Record<Health, string> = {
  ok: COLOURS.std,
  pending: COLOURS.pending,
  error: COLOURS.error,
  completed: COLOURS.completed,
  terminating: COLOURS.kill,
  warning: COLOURS.pending,
};
