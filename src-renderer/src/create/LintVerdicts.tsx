// The linter's verdicts beside an expression: each error and warning in words, a one-click fix where
// the linter has one, and the explicit override for a schedule that runs too often.
import type { LintIssue } from '@shared/cron';

interface Props {
  issues: readonly LintIssue[];
  /** Codes already shown elsewhere (the syntax error under the box). */
  hide?: readonly LintIssue['code'][];
  allowTooFrequent: boolean;
  onAllowTooFrequent(allow: boolean): void;
  production: boolean;
  /** Offers each verdict's corrected expression; omitted where the expression cannot be changed. */
  onUseSuggestion?(expression: string): void;
  /** An existing schedule's checks: problems to look at, nothing to refuse or allow. */
  existing?: boolean;
}

export function LintVerdicts({ issues, hide = [], allowTooFrequent, onAllowTooFrequent, production, onUseSuggestion, existing = false }: Props) {
  const shown = issues.filter((i) => !hide.includes(i.code));
  if (shown.length === 0) return null;
  return (
    <ul className="lint-verdicts" aria-label="Checks of this expression">
      {shown.map((issue, n) => (
        <li key={`${issue.code}-${n}`} className={`lint-verdict lint-${issue.severity}`} data-code={issue.code}>
          <span className="lint-mark" aria-hidden>
            {issue.severity === 'error' ? '✖' : '⚠'}
          </span>
          <span>
            <strong>{issue.severity === 'error' ? (existing ? 'Problem: ' : 'Refused: ') : 'Check: '}</strong>
            {issue.message}
          </span>
          {issue.suggestion && onUseSuggestion && (
            <button type="button" className="button button-small" onClick={() => onUseSuggestion(issue.suggestion ?? '')}>
              Use <code>{issue.suggestion}</code>
            </button>
          )}
          {issue.code === 'too-frequent' && !existing && (
            <label className="toggle lint-override">
              <input type="checkbox" checked={allowTooFrequent} onChange={(e) => onAllowTooFrequent(e.target.checked)} />
              Allow runs this frequent{production ? ' (production: you also type the org ID below)' : ''}
            </label>
          )}
        </li>
      ))}
    </ul>
  );
}
