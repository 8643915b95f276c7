import type { ReactNode } from 'react';
import { routeHref } from '../../lib/route';

/** A link to the reference page of a code (#/reference/63685). */
export function ReferenceLink({ code, children, className }: { code: string; children?: ReactNode; className?: string }) {
  return (
    <a
      href={routeHref('reference', code)}
      className={
        className ??
        'font-mono text-sky-800 underline decoration-sky-300 underline-offset-2 hover:text-sky-950 dark:text-sky-300 dark:decoration-sky-700 dark:hover:text-sky-100'
      }
      aria-label={children ? undefined : `Reference for code ${code}`}
      data-testid="reference-link"
    >
      {children ?? code}
    </a>
  );
}
