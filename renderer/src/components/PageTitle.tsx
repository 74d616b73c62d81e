// Each page's heading; focusable so navigation can move focus to it.
import type { ReactNode } from 'react';

export function PageTitle({ children }: { children: ReactNode }) {
  return <h1 id="page-title" tabIndex={-1}>{children}</h1>;
}
