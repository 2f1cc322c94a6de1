// The environment tag used wherever a profile is named; production is impossible to miss.
import type { ProfileEnvironment } from '@shared/domain';
import { environmentName } from './environment-name';

export { environmentName };

export function EnvBadge({ environment }: { environment: ProfileEnvironment }) {
  const prod = environment.kind === 'production';
  return (
    <span className={`env-badge${prod ? ' env-prod' : ''}`} style={{ ['--env' as string]: environment.color }}>
      {prod && <span aria-hidden="true">⚠ </span>}
      {environmentName(environment)}
    </span>
  );
}

export function EnvDot({ color }: { color: string }) {
  return <span className="env-dot" style={{ background: color }} aria-hidden="true" />;
}
