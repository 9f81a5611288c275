import { Component, type ErrorInfo, type ReactNode } from "react";
import { useRouteError } from "react-router";

import { ErrorScreen } from "./ErrorScreen";

/** The last line of defence around the whole app (outside the router). */
export class ErrorBoundary extends Component<{ children: ReactNode }, { error: unknown }> {
  state = { error: null as unknown };

  static getDerivedStateFromError(error: unknown) {
    return { error };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error("Unhandled error in the UI", error, info.componentStack);
  }

  render() {
    return this.state.error ? <ErrorScreen error={this.state.error} /> : this.props.children;
  }
}

/** The router's error boundary: a route that throws while rendering or loading lands here. */
export function RouteErrorBoundary() {
  return <ErrorScreen error={useRouteError()} />;
}
