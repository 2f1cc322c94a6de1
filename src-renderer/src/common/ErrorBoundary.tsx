// Keeps a failure inside one view: a bad record or a bug in the list, calendar, timeline, panel or a
// dialog replaces that view with what failed and a way to reload it; the rest of the window keeps working.
import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** The view in the user's words, e.g. "The calendar". */
  view: string;
  children: ReactNode;
  /** Called by "Close" where the view can be left (dialogs); otherwise only reload is offered. */
  onClose?: () => void;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload this view": remounts the children from scratch. */
  attempt: number;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever reads the developer console; the user sees the message in the view.
    console.warn(`${this.props.view} failed:`, error, info.componentStack);
  }

  override render(): ReactNode {
    const { error, attempt } = this.state;
    if (!error) return <ViewKey key={attempt}>{this.props.children}</ViewKey>;
    return (
      <div className="view-error" role="alert" data-testid="view-error">
        <p>
          <strong>{this.props.view} could not be shown.</strong> {error.message || 'An unexpected error happened.'} The rest of the window still works.
        </p>
        <div className="view-error-actions">
          <button type="button" className="button button-small" onClick={() => this.setState({ error: null, attempt: attempt + 1 })}>
            Reload this view
          </button>
          {this.props.onClose && (
            <button type="button" className="button button-small" onClick={this.props.onClose}>
              Close
            </button>
          )}
        </div>
      </div>
    );
  }
}

function ViewKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}
