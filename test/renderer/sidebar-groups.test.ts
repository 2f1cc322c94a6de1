// The sidebar's groups: one per environment (custom labels apart, whatever their case), in promotion
// order then by label; within each, one per server labelled by its host; names sorted; and the Ctrl/Cmd+K
// switcher's match.
import { describe, expect, it } from 'vitest';
import type { ProfileEnvironment } from '@shared/domain';
import { groupProfiles, matchProfiles } from '@renderer/sidebar/group-profiles';
import { namedProfile as view } from './support/fake-api';

const custom = (label: string, color = '#123456'): ProfileEnvironment => ({ kind: 'custom', label, color });

describe('environment groups', () => {
  it('puts custom environments of the same label together whatever their case and spaces, apart from other labels', () => {
    const groups = groupProfiles([
      view('Q1', { environment: custom('QA', '#111111') }),
      view('P1', { environment: custom('Perf') }),
      view('Q2', { environment: custom(' qa ', '#222222') }),
    ]);
    expect(groups.map((g) => [g.key, g.label, g.profiles.map((p) => p.name)])).toEqual([
      ['custom|perf', 'Perf', ['P1']],
      ['custom|qa', 'QA', ['Q1', 'Q2']],
    ]);
  });

  it('keeps one group per standard kind, whatever label its profiles carry', () => {
    const groups = groupProfiles([
      view('D1', { environment: { kind: 'development', label: 'dev', color: '#000000' } }),
      view('D2', { environment: { kind: 'development', label: 'Development', color: '#2f9e44' } }),
    ]);
    expect(groups.map((g) => [g.key, g.label, g.profiles.length])).toEqual([['development', 'Development', 2]]);
  });

  it('colours a standard kind by the kind, a custom environment by its first profile', () => {
    const groups = groupProfiles([
      view('S', { environment: { kind: 'staging', label: 'Staging', color: '#000000' } }),
      view('C', { environment: custom('Sandbox', '#abcdef') }),
    ]);
    expect(groups.map((g) => [g.label, g.color])).toEqual([
      ['Staging', '#e67700'],
      ['Sandbox', '#abcdef'],
    ]);
  });

  it('orders by promotion first, custom environments last and by label', () => {
    const groups = groupProfiles([
      view('Z', { environment: custom('Zeta') }),
      view('P', { environment: { kind: 'production', label: 'Production', color: '#e03131' } }),
      view('A', { environment: custom('Alpha') }),
      view('T', { environment: { kind: 'test', label: 'Test', color: '#1971c2' } }),
    ]);
    expect(groups.map((g) => g.label)).toEqual(['Test', 'Production', 'Alpha', 'Zeta']);
  });

  it('marks only the production group', () => {
    const groups = groupProfiles([view('D'), view('P', { environment: { kind: 'production', label: 'PROD', color: '#e03131' } })]);
    expect(groups.map((g) => [g.label, g.production])).toEqual([
      ['Development', false],
      ['Production', true],
    ]);
  });
});

describe('server groups', () => {
  it('lists a group’s profiles server by server, names sorted within each server', () => {
    const [group] = groupProfiles([
      view('b2', { apiUrl: 'https://b.example.com:10502' }),
      view('a2'),
      view('b1', { apiUrl: 'https://b.example.com:10502' }),
      view('a1'),
    ]);
    expect(group?.servers.map((s) => [s.key, s.label, s.profiles.map((p) => p.name)])).toEqual([
      ['a.example.com:10502', 'a.example.com', ['a1', 'a2']],
      ['b.example.com:10502', 'b.example.com', ['b1', 'b2']],
    ]);
    expect(group?.profiles.map((p) => p.name)).toEqual(['a1', 'a2', 'b1', 'b2']);
  });

  it('labels a server by its host alone: lower case, without a user name', () => {
    const [group] = groupProfiles([view('Typed', { apiUrl: 'https://admin@AtScale.Example.com:10502' })]);
    expect(group?.servers.map((s) => s.label)).toEqual(['atscale.example.com']);
  });

  it('labels an IPv6 server by its whole address, with the ports when two share it', () => {
    const [one] = groupProfiles([view('Local', { apiUrl: 'https://[::1]:10502' })]);
    expect(one?.servers.map((s) => s.label)).toEqual(['[::1]']);
    const [two] = groupProfiles([view('A', { apiUrl: 'https://[::1]:10502' }), view('B', { apiUrl: 'https://[::1]:8443' })]);
    expect(two?.servers.map((s) => s.label)).toEqual(['[::1]:10502', '[::1]:8443']);
  });

  it('labels a server whose URL does not parse by what was typed, without the port', () => {
    const [group] = groupProfiles([view('Odd', { apiUrl: 'AtScale.example.com:9000' })]);
    expect(group?.servers.map((s) => s.label)).toEqual(['atscale.example.com']);
  });
});

describe('the switcher’s match', () => {
  const profiles = [
    view('Sales prod', { orgId: 'sales', environment: { kind: 'production', label: 'PROD', color: '#e03131' } }),
    view('Sales test', { orgId: 'sales', environment: { kind: 'test', label: 'Test', color: '#1971c2' } }),
    view('Finance', { orgId: 'fin', apiUrl: 'https://b.example.com:8443' }),
  ];
  const names = (query: string) => matchProfiles(profiles, query).map((p) => p.name);

  it('offers every profile for an empty query', () => {
    expect(names('')).toEqual(['Sales prod', 'Sales test', 'Finance']);
    expect(names('   ')).toEqual(['Sales prod', 'Sales test', 'Finance']);
  });

  it('ignores case in the query and in the profiles', () => {
    expect(names('SALES')).toEqual(['Sales prod', 'Sales test']);
    expect(names('prod')).toEqual(['Sales prod']);
  });

  it('needs every word, found in the name, org, environment or server', () => {
    expect(names('sales  production')).toEqual(['Sales prod']);
    expect(names('fin b.example.com:8443')).toEqual(['Finance']);
    expect(names('sales 8443')).toEqual([]);
  });
});
