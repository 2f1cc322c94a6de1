// One run (a chip) or one dense day of a schedule (a band with its count). Clicking a chip selects its
// schedule with that run marked; clicking a band selects the schedule.
import type { SourceLookup } from '@renderer/sources/source-index';
import type { CSSProperties } from 'react';
import type { ScheduleSource } from '@renderer/schedule-view-types';
import { formatTime, zoneAbbreviation } from '@renderer/common/time';
import type { DayRuns, RunBand, RunChip as Chip } from './day-runs';
import { shortLabel } from './short-label';
import { useSavedMark, type SavedMark } from '@renderer/sources/saved-marks';

interface CommonProps {
  source: ScheduleSource | undefined;
  selected: boolean;
  /** `at` is the run clicked (chips); bands select the schedule only. */
  onSelect(key: string, at?: Date): void;
  style?: CSSProperties;
  compact?: boolean;
  /** Name the profile on the chip (several profiles in view); its colour and tooltip always do. */
  showProfile?: boolean;
  /** In a day's list the runs are reached with Tab; in the grid the day cell holds the focus. */
  tabbable?: boolean;
}

/** A run in a blackout window of its profile: a mark the eye catches, and words for the tooltip and reader. */
function BlackoutMark({ words }: { words: string | null }) {
  if (words === null) return null;
  return (
    <span className="run-blackout" data-testid="calendar-blackout" title={`In a blackout window: ${words}`}>
      <span aria-hidden="true">⛔</span>
      <span className="sr-only">, in a blackout window: {words}</span>
    </span>
  );
}

/** Seconds when a time is off the minute (a schedule firing every few seconds). */
const offMinute = (at: Date) => at.getTime() % 60_000 !== 0;
/** A paused schedule's runs are ghosts: drawn, but they do not happen while it is paused. */
const ghost = (source: ScheduleSource | undefined): string => (source?.paused ? ' is-paused' : '');
const pausedNote = (source: ScheduleSource | undefined): string => (source?.paused ? ' · paused, does not run' : '');

const blackoutNote = (words: string | null): string => (words === null ? '' : ` · in a blackout window: ${words}`);

/**
 * The mark of a run from a saved list (its profile shows a snapshot): the profile's one mark, read from
 * the store by a string compare per chip; a paused schedule's ghost is this app's own, never saved.
 */
function useSavedOf(source: ScheduleSource | undefined): SavedMark | null {
  const mark = useSavedMark(source?.profileId);
  return source?.paused ? null : mark;
}
const savedClass = (mark: SavedMark | null): string => (mark ? ' is-saved' : '');
const savedNote = (mark: SavedMark | null): string => (mark ? ` · from the list ${mark.label}` : '');

/** A visible glyph the eye catches; the words are in the tooltip and for the reader. */
function SavedMarkGlyph({ mark }: { mark: SavedMark | null }) {
  if (mark === null) return null;
  return (
    <span className="run-saved" data-testid="calendar-saved" title={`From the list ${mark.label}`}>
      <span aria-hidden="true">⟲</span>
      <span className="sr-only">, {mark.label}</span>
    </span>
  );
}

function colorStyle(source: ScheduleSource | undefined, style?: CSSProperties): CSSProperties {
  return { ...style, ['--run-color' as string]: source?.color ?? 'var(--accent, #3b6fd8)' };
}

export function RunChipButton({ chip, source, selected, onSelect, style, compact, showProfile, tabbable }: CommonProps & { chip: Chip }) {
  const time = formatTime(chip.at, chip.zone, { seconds: offMinute(chip.at) });
  const who = source ? `${source.profileName} (${source.environmentLabel})` : chip.sourceKey;
  // A short label, not the description in words: cronstrue is costly on a first draw of hundreds of
  // chips, and the selected schedule's panel shows the words. Bands carry theirs in their label.
  const label = source ? shortLabel(source.schedule.timeExpression) : '';
  const saved = useSavedOf(source);
  return (
    <button
      type="button"
      tabIndex={tabbable ? 0 : -1}
      className={`run-chip${selected ? ' is-selected' : ''}${ghost(source)}${chip.blackout === null ? '' : ' is-blackout'}${savedClass(saved)}`}
      style={colorStyle(source, style)}
      aria-pressed={selected}
      title={`${time} ${zoneAbbreviation(chip.zone, chip.at)} · ${label} · ${source?.schedule.timeExpression ?? ''} · ${who}${pausedNote(source)}${blackoutNote(chip.blackout)}${savedNote(saved)}`}
      data-testid="calendar-run"
      data-key={chip.sourceKey}
      data-at={chip.at.toISOString()}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(chip.sourceKey, chip.at);
      }}
    >
      {/* The accessible name starts with the visible text (WCAG 2.5.3), then adds what the eye gets from colour and tooltip. */}
      <span className="run-chip-time">{time}</span>{' '}
      {compact ? null : (
        <span className="run-chip-name">
          {showProfile && source ? `${source.profileName} · ` : ''}
          {label || chip.sourceKey}
        </span>
      )}
      <span className="sr-only">
        {' '}
        {zoneAbbreviation(chip.zone, chip.at)}, {who}
        {source?.paused ? ', paused: does not run' : null}
      </span>
      <BlackoutMark words={chip.blackout} />
      <SavedMarkGlyph mark={saved} />
    </button>
  );
}

export function RunBandButton({ band, source, selected, onSelect, style, tabbable, showProfile }: CommonProps & { band: RunBand }) {
  const who = source ? `${source.profileName} (${source.environmentLabel})` : band.sourceKey;
  const seconds = { seconds: offMinute(band.first) || (band.lastKnown && (offMinute(band.last) || band.last.getTime() - band.first.getTime() < 60_000)) };
  const span = band.lastKnown
    ? `${formatTime(band.first, band.zone, seconds)}–${formatTime(band.last, band.zone, seconds)} ${zoneAbbreviation(band.zone, band.first)}`
    : `from ${formatTime(band.first, band.zone, seconds)} ${zoneAbbreviation(band.zone, band.first)}`;
  const saved = useSavedOf(source);
  return (
    <button
      type="button"
      tabIndex={tabbable ? 0 : -1}
      className={`run-band${selected ? ' is-selected' : ''}${ghost(source)}${band.blackout === null ? '' : ' is-blackout'}${savedClass(saved)}`}
      style={colorStyle(source, style)}
      aria-pressed={selected}
      title={`${band.label} · ${span} · ${who}${pausedNote(source)}${blackoutNote(band.blackout)}${savedNote(saved)}`}
      data-testid="calendar-band"
      data-key={band.sourceKey}
      data-count={band.count}
      onClick={(e) => {
        e.stopPropagation();
        onSelect(band.sourceKey);
      }}
    >
      {showProfile && source ? `${source.profileName} · ` : ''}
      {band.label}
      <span className="sr-only">
        , {span}, {who}
        {source?.paused ? ', paused: does not run' : null}
      </span>
      <BlackoutMark words={band.blackout} />
      <SavedMarkGlyph mark={saved} />
    </button>
  );
}

interface RunButtonsProps {
  bands: DayRuns['bands'];
  chips: DayRuns['chips'];
  sourcesByKey: SourceLookup;
  selectedKey: string | null;
  onSelect(key: string, at?: Date): void;
  showProfile: boolean;
  /** In a day's list: every run is reached with Tab, and bands name their profile too. */
  inList?: boolean;
  /**
   * Keyed by position, not by run: a month cell's buttons are reused from month to month (their
   * attributes and text change) instead of being removed and built again. The day's list keys by run,
   * so the focused button keeps its run.
   */
  byPosition?: boolean;
}

/** A day's bands, then its chips: the month cell's few and the day list's all. */
export function RunButtons(props: RunButtonsProps) {
  const common = { selectedKey: props.selectedKey, onSelect: props.onSelect, tabbable: props.inList };
  return (
    <>
      {props.bands.map((band, i) => (
        <RunBandButton
          key={props.byPosition ? `b${i}` : `b:${band.sourceKey}`}
          band={band}
          source={props.sourcesByKey.get(band.sourceKey)}
          selected={band.sourceKey === common.selectedKey}
          onSelect={common.onSelect}
          showProfile={props.inList && props.showProfile}
          tabbable={common.tabbable}
        />
      ))}
      {props.chips.map((chip, i) => (
        <RunChipButton
          key={props.byPosition ? `c${i}` : `c:${chip.sourceKey}:${chip.at.getTime()}`}
          chip={chip}
          source={props.sourcesByKey.get(chip.sourceKey)}
          selected={chip.sourceKey === common.selectedKey}
          onSelect={common.onSelect}
          showProfile={props.showProfile}
          tabbable={common.tabbable}
        />
      ))}
    </>
  );
}
