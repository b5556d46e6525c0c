import { useT } from '../i18n/language';

interface ErrorBannerProps {
  messages: readonly string[];
  onDismiss?: () => void;
}

/** Visible error messages from the API or the map. */
export function ErrorBanner({ messages, onDismiss }: ErrorBannerProps) {
  const t = useT();
  if (messages.length === 0) return null;
  return (
    <div className="error-banner" role="alert">
      <ul>
        {messages.map((message) => (
          <li key={message}>{message}</li>
        ))}
      </ul>
      {onDismiss && (
        <button type="button" onClick={onDismiss} aria-label={t('common.dismissError')}>
          ×
        </button>
      )}
    </div>
  );
}
