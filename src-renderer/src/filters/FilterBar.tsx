// The filter bar of All profiles: pick environments, servers and profiles; the active filters show as
// chips, each removable, and one button clears them. What they narrow is decided in buildSources, so the
// list, calendar, timeline and load all follow.
import { useMemo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../store';
import { effectiveFilters, filterProfiles, filterValuesOf, filtersActive, type FilterKind } from '../store/filter-slice';
import './filters.css';

const KIND_WORDS: Record<FilterKind, { label: string; any: string }> = {
  environments: { label: 'Environment', any: 'Any environment' },
  servers: { label: 'Server', any: 'Any server' },
  profileIds: { label: 'Profile', any: 'Any profile' },
};
const KINDS = Object.keys(KIND_WORDS) as FilterKind[];

export function FilterBar() {
  const { profiles, filters, toggleFilter, clearFilters } = useAppStore(
    useShallow((s) => ({ profiles: s.profiles, filters: s.filters, toggleFilter: s.toggleFilter, clearFilters: s.clearFilters })),
  );
  const active = useMemo(() => effectiveFilters(filters, profiles), [filters, profiles]);
  const shown = useMemo(() => filterProfiles(profiles, filters).length, [profiles, filters]);
  // Each kind's choices, with the words shown for them (a profile by its name).
  const choices = useMemo(() => {
    const out: Record<FilterKind, Map<string, string>> = { environments: new Map(), servers: new Map(), profileIds: new Map() };
    for (const p of profiles) {
      const v = filterValuesOf(p);
      out.environments.set(v.environments, v.environments);
      out.servers.set(v.servers, v.servers);
      out.profileIds.set(v.profileIds, p.name);
    }
    for (const k of KINDS) out[k] = new Map([...out[k]].sort(([, a], [, b]) => a.localeCompare(b)));
    return out;
  }, [profiles]);
  const on = filtersActive(active);

  return (
    <div className="filter-bar" role="group" aria-label="Filters" data-testid="filter-bar">
      {KINDS.map((kind) => (
        <label key={kind} className="inline-field">
          {KIND_WORDS[kind].label}
          <select
            className="input"
            value=""
            aria-label={`Filter by ${KIND_WORDS[kind].label.toLowerCase()}`}
            onChange={(e) => e.target.value && toggleFilter(kind, e.target.value)}
          >
            <option value="">{active[kind].length ? `Add ${KIND_WORDS[kind].label.toLowerCase()}…` : KIND_WORDS[kind].any}</option>
            {[...choices[kind]]
              .filter(([value]) => !active[kind].includes(value))
              .map(([value, words]) => (
                <option key={value} value={value}>
                  {words}
                </option>
              ))}
          </select>
        </label>
      ))}
      {on && (
        <ul className="filter-chips" aria-label="Active filters">
          {KINDS.flatMap((kind) =>
            active[kind].map((value) => {
              const words = `${KIND_WORDS[kind].label}: ${choices[kind].get(value) ?? value}`;
              return (
                <li key={`${kind}:${value}`} className="filter-chip">
                  {words}
                  <button type="button" className="icon-button" aria-label={`Remove filter ${words}`} onClick={() => toggleFilter(kind, value)}>
                    ×
                  </button>
                </li>
              );
            }),
          )}
        </ul>
      )}
      <span className="muted small" role="status">
        {on ? `${shown} of ${profiles.length} profiles shown` : `All ${profiles.length} profiles shown`}
      </span>
      <button type="button" className="button button-small" onClick={clearFilters} disabled={!on}>
        Clear filters
      </button>
    </div>
  );
}
