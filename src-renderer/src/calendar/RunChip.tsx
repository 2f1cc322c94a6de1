// One run (a chip) or one dense day of a schedule (a band with its count). Clicking selects the schedule.
import type { CSSProperties } from 'react';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { formatTime, zoneAbbreviation } from '@renderer/common/time';
import type { RunBand, RunChip as Chip } from './day-runs';

interface CommonProps {
  source: ScheduleSource | undefined;
  selected: boolean;
  onSelect(key: string): void;
  style?: CSSProperties;
  compact?: boolean;
}

function colorStyle(source: ScheduleSource | undefined, style?: CSSProperties): CSSProperties {
  return { ...style, ['--run-color' as string]: source?.color ?? 'var(--accent, #3b6fd8)' };
}

export function RunChipButton({ chip, source, selected, onSelect, style, compact }: CommonProps & { chip: Chip }) {
  const time = formatTime(chip.at, chip.zone);
  const who = source ? `${source.profileName} (${source.environmentLabel})` : chip.sourceKey;
  // No description in words here: cronstrue is costly on a first draw of hundreds of chips, and the
  // selected schedule's panel shows it. Bands carry theirs in their label.
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`run-chip${selected ? ' is-selected' : ''}`}
      style={colorStyle(source, style)}
      aria-pressed={selected}
      title={`${time} ${zoneAbbreviation(chip.zone, chip.at)} · ${who}`}
      data-testid="calendar-run"
      data-key={chip.sourceKey}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(chip.sourceKey);
      }}
    >
      {/* The accessible name starts with the visible text (WCAG 2.5.3), then adds what the eye gets from colour and tooltip. */}
      <span className="run-chip-time">{time}</span> {compact ? null : <span className="run-chip-name">{source?.profileName ?? chip.sourceKey}</span>}
      <span className="sr-only">
        {' '}
        {zoneAbbreviation(chip.zone, chip.at)}, {who}
      </span>
    </button>
  );
}

export function RunBandButton({ band, source, selected, onSelect, style }: CommonProps & { band: RunBand }) {
  const who = source ? `${source.profileName} (${source.environmentLabel})` : band.sourceKey;
  const span = band.lastKnown
    ? `${formatTime(band.first, band.zone)}–${formatTime(band.last, band.zone)} ${zoneAbbreviation(band.zone, band.first)}`
    : `from ${formatTime(band.first, band.zone)} ${zoneAbbreviation(band.zone, band.first)}`;
  return (
    <button
      type="button"
      tabIndex={-1}
      className={`run-band${selected ? ' is-selected' : ''}`}
      style={colorStyle(source, style)}
      aria-pressed={selected}
      title={`${band.label} · ${span} · ${who}`}
      data-testid="calendar-band"
      data-key={band.sourceKey}
      data-count={band.count}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(band.sourceKey);
      }}
    >
      {band.label}
      <span className="sr-only">
        , {span}, {who}
      </span>
    </button>
  );
}
