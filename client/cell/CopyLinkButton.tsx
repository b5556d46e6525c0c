import { useState } from 'react';
import { useT } from '../i18n/language';

/**
 * "Copy link": writes the current view into the address bar (`beforeCopy`), then copies the
 * address, so a colleague opening it sees the same selection, area, map view and open cell.
 */
export function CopyLinkButton({ beforeCopy, className }: { beforeCopy: () => void; className?: string }) {
  const t = useT();
  const [copied, setCopied] = useState<'yes' | 'no' | null>(null);
  const copy = async () => {
    beforeCopy();
    try {
      await navigator.clipboard.writeText(window.location.href);
      setCopied('yes');
    } catch {
      // No clipboard (an insecure origin, or refused): the address bar holds the link to copy by hand.
      setCopied('no');
    }
    window.setTimeout(() => setCopied(null), 4000);
  };
  return (
    <button type="button" className={className} onClick={() => void copy()} data-copied={copied ?? ''}>
      {copied === 'yes' ? t('cell.linkCopied') : copied === 'no' ? t('cell.copyAddressBar') : t('cell.copyLink')}
    </button>
  );
}
