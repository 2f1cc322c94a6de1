// List / Calendar / Timeline tabs, following the ARIA tabs pattern (arrow keys move between tabs).
import { useRef } from 'react';
import { useAppStore } from '../store';
import type { Tab } from '../store/view-slice';

const TABS: { id: Tab; label: string; key: string }[] = [
  { id: 'list', label: 'List', key: '1' },
  { id: 'calendar', label: 'Calendar', key: '2' },
  { id: 'timeline', label: 'Timeline', key: '3' },
  { id: 'load', label: 'Load', key: '4' },
];

export function ViewTabs() {
  const tab = useAppStore((s) => s.tab);
  const setTab = useAppStore((s) => s.setTab);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  const move = (delta: number) => {
    const index = (TABS.findIndex((t) => t.id === tab) + delta + TABS.length) % TABS.length;
    const next = TABS[index];
    if (next) {
      setTab(next.id);
      refs.current[index]?.focus();
    }
  };
  return (
    <div className="tabs" role="tablist" aria-label="Views">
      {TABS.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={tab === t.id}
          aria-controls={`panel-${t.id}`}
          tabIndex={tab === t.id ? 0 : -1}
          className={`tab${tab === t.id ? ' active' : ''}`}
          onClick={() => setTab(t.id)}
          onKeyDown={(e) => {
            if (e.key === 'ArrowRight') move(1);
            else if (e.key === 'ArrowLeft') move(-1);
            else return;
            e.preventDefault();
          }}
          title={`${t.label} (${t.key})`}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}
