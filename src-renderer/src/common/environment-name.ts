// The one spelling of an environment's label, shared by the badge, the sidebar, the load view and the
// schedule views.
import type { EnvironmentKind, ProfileEnvironment } from '@shared/domain';

const KIND_NAMES: Record<Exclude<EnvironmentKind, 'custom'>, string> = {
  development: 'Development',
  test: 'Test',
  staging: 'Staging',
  production: 'Production',
};

/** Each kind's colour where a view colours by kind (the sidebar's groups); a profile keeps its own. */
export const ENVIRONMENT_COLORS: Record<EnvironmentKind, string> = {
  development: '#2f9e44',
  test: '#1971c2',
  staging: '#e67700',
  production: '#e03131',
  custom: '#7048e8',
};

/**
 * The environment's name as every view shows it: the kind's own name ('production', 'PROD' and
 * 'Production' all read "Production"), or a custom label as first written with a capital first
 * letter; never upper-cased or repeated by a view.
 */
export function environmentName(environment: Pick<ProfileEnvironment, 'kind' | 'label'>): string {
  if (environment.kind !== 'custom') return KIND_NAMES[environment.kind];
  const label = environment.label.trim() || 'Custom';
  return label.charAt(0).toLocaleUpperCase('en') + label.slice(1);
}
