import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What failed, in the user's words ("Claim lines", "Evidence"). */
  name: string;
  children: ReactNode;
}

/**
 * Keeps a failure in one panel from blanking the app: the panel shows what happened and a
 * retry button; the rest of the page, and the note the user typed, stay as they were.
 */
export class ErrorBoundary extends Component<Props, { error: Error | null }> {
  state = { error: null as Error | null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidCatch(error: Error, info: ErrorInfo) {
    // stays on this device: logged to the console only, never reported anywhere
    console.error(`${this.props.name} failed`, error, info.componentStack);
  }

  render() {
    if (!this.state.error) return this.props.children;
    return (
      <section role="alert" className="m-4 rounded border border-red-300 bg-red-50 p-4 text-sm text-red-900 dark:border-red-800 dark:bg-red-950 dark:text-red-100">
        <p className="font-semibold">{this.props.name} could not be shown.</p>
        <p className="mt-1">{this.state.error.message}</p>
        <p className="mt-1">Your note is kept; the rest of the app still works.</p>
        <button type="button" className="btn-ghost mt-2" onClick={() => this.setState({ error: null })}>
          Try again
        </button>
      </section>
    );
  }
}
