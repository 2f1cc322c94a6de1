// App state and demo mode.
import type { ProfileView } from '../../domain';
import { channel } from '../define';
import { empty } from '../schemas';
import type { AppInfo } from '../types';

export const appChannels = {
  'app:info': channel(empty).returns<AppInfo>(),
  /** Creates the demo profiles (two orgs, two environments) against the embedded simulator. */
  'demo:start': channel(empty).returns<ProfileView[]>(),
};
