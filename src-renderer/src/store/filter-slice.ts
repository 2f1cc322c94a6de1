// Filters of All profiles by environment, server and profile: they narrow the list, the calendar, the
// timeline and the load alike (applied in buildSources). Within one kind any value matches (OR), across
// kinds every kind must match (AND); an empty kind matches everything. Kept in localStorage like the other
// view settings, so they survive a restart; values that name no profile any more are ignored, not kept.
import type { ProfileView } from '@shared/domain';
import { serverKeyOf } from '@shared/profile-urls';
import { environmentName } from '../common/environment-name';
import type { SliceCreator } from './types';

export interface ViewFilters {
  /** Environment names as shown (environmentName). */
  environments: string[];
  /** Server keys (serverKeyOf the API URL): orgs on one engine. */
  servers: string[];
  profileIds: string[];
}

export type FilterKind = keyof ViewFilters;

export const NO_FILTERS: ViewFilters = { environments: [], servers: [], profileIds: [] };
const FILTERS_KEY = 'atscale.viewFilters';
const KINDS: FilterKind[] = ['environments', 'servers', 'profileIds'];

/** A profile's value for each kind of filter. */
export function filterValuesOf(profile: ProfileView): Record<FilterKind, string> {
  return { environments: environmentName(profile.environment), servers: serverKeyOf(profile.apiUrl), profileIds: profile.id };
}

/** The filters with values that match none of `profiles` left out (a deleted profile, a changed URL). */
export function effectiveFilters(filters: ViewFilters, profiles: readonly ProfileView[]): ViewFilters {
  const known: Record<FilterKind, Set<string>> = { environments: new Set(), servers: new Set(), profileIds: new Set() };
  for (const p of profiles) {
    const v = filterValuesOf(p);
    for (const k of KINDS) known[k].add(v[k]);
  }
  return {
    environments: filters.environments.filter((v) => known.environments.has(v)),
    servers: filters.servers.filter((v) => known.servers.has(v)),
    profileIds: filters.profileIds.filter((v) => known.profileIds.has(v)),
  };
}

export const filtersActive = (f: ViewFilters): boolean => KINDS.some((k) => f[k].length > 0);

/** The profiles the filters let through, in their order. */
export function filterProfiles<P extends ProfileView>(profiles: readonly P[], filters: ViewFilters): P[] {
  const f = effectiveFilters(filters, profiles);
  if (!filtersActive(f)) return [...profiles];
  return profiles.filter((p) => {
    const v = filterValuesOf(p);
    return KINDS.every((k) => f[k].length === 0 || f[k].includes(v[k]));
  });
}

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

const strings = (x: unknown): string[] => (Array.isArray(x) ? [...new Set(x.filter((v): v is string => typeof v === 'string'))] : []);

/** The saved filters, or none when nothing (or something unreadable) was saved. */
export function loadFilters(): ViewFilters {
  try {
    const raw: unknown = JSON.parse(storage()?.getItem(FILTERS_KEY) ?? 'null');
    if (!raw || typeof raw !== 'object') return NO_FILTERS;
    const r = raw as Record<string, unknown>;
    return { environments: strings(r['environments']), servers: strings(r['servers']), profileIds: strings(r['profileIds']) };
  } catch {
    return NO_FILTERS;
  }
}

function saveFilters(filters: ViewFilters): void {
  try {
    storage()?.setItem(FILTERS_KEY, JSON.stringify(filters));
  } catch {
    // A full or disabled storage only loses the filters for the next start.
  }
}

export interface FilterSlice {
  filters: ViewFilters;
  /** Adds a value to one kind of filter, or removes it when present. */
  toggleFilter(kind: FilterKind, value: string): void;
  clearFilters(): void;
}

export const createFilterSlice: SliceCreator<FilterSlice> = (set, get) => {
  const put = (filters: ViewFilters) => {
    set({ filters });
    saveFilters(filters);
  };
  return {
    filters: loadFilters(),
    toggleFilter(kind, value) {
      const now = get().filters[kind];
      put({ ...get().filters, [kind]: now.includes(value) ? now.filter((v) => v !== value) : [...now, value] });
    },
    clearFilters: () => put(NO_FILTERS),
  };
};
