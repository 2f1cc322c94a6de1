// A message beside the button the user just pressed (in a dialog's footer, which never scrolls away):
// an alert, scrolled into view when it appears, so an error is never below the fold.
import { useEffect, useRef, type ReactNode } from 'react';

export function ActionMessage({ tone, children }: { tone: 'error' | 'unknown'; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [children]);
  return (
    <div ref={ref} className={`action-message action-${tone}`} role="alert" data-testid="action-message">
      {children}
    </div>
  );
}
