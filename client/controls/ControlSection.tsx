import { type ReactNode, useState } from 'react';

interface ControlSectionProps {
  title: string;
  /** One line saying what is chosen inside, so a closed section still tells the user the selection. */
  summary: string;
  /** Open on first show: the choices most users change. */
  defaultOpen?: boolean;
  children: ReactNode;
}

/**
 * A collapsible group of controls in the map's side panel: a native <details>, so the keyboard
 * (Enter or Space on the summary) and screen readers (expanded or collapsed) work without script.
 */
export function ControlSection({ title, summary, defaultOpen = false, children }: ControlSectionProps) {
  const [open, setOpen] = useState(defaultOpen);
  return (
    <details
      className="control-section"
      open={open}
      onToggle={(event) => setOpen((event.currentTarget as HTMLDetailsElement).open)}
    >
      <summary>
        <span className="control-section-title">{title}</span>
        <span className="control-section-summary">{summary}</span>
      </summary>
      <div className="control-section-body">{children}</div>
    </details>
  );
}
