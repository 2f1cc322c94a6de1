// The one spelling of an environment's label, shared by the badge, the sidebar and the views.
import type { ProfileEnvironment } from '@shared/domain';

/**
 * The environment's label as every view shows it: the user's words with a capital first letter
 * ('production' and 'Production' read alike), never upper-cased or repeated by a view.
 */
export function environmentName(environment: Pick<ProfileEnvironment, 'label'>): string {
  const label = environment.label.trim();
  return label.charAt(0).toLocaleUpperCase('en') + label.slice(1);
}
