// One cache of fire times for the window: the load view and the create dialog's slot search ask for the
// same schedules' runs again and again (another window, axis, filter, daily or weekly).
import { RunCache } from '@shared/fleet';

export const sharedRunCache = new RunCache();
