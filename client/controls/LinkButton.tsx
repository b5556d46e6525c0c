import type { ButtonHTMLAttributes } from 'react';

/** A button that reads as a link: an action in a table row or a line of text. */
export function LinkButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return <button {...props} type="button" className="link-button" />;
}
