import { type FormEvent, useState } from 'react';
import { api, okJson } from '../api';
import { TextField } from '../controls/TextField';
import { useT } from '../i18n/language';

/** Shown until a user who arrived by a one-time link has chosen a password (and on request later). */
export function SetPassword({ needsCurrent, onDone }: { needsCurrent: boolean; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const t = useT();
  const fields = [
    { label: t('auth.password.current'), autoComplete: 'current-password', value: current, onChange: setCurrent },
    { label: t('auth.password.new'), autoComplete: 'new-password', value: password, onChange: setPassword },
    { label: t('auth.password.repeat'), autoComplete: 'new-password', value: repeat, onChange: setRepeat },
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return setError(t('auth.password.differ'));
    try {
      await okJson(api.api.auth.password.$post({ json: needsCurrent ? { current, password } : { password } }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="set-password" onSubmit={submit} aria-label={t('auth.password.formLabel')}>
      <strong>{needsCurrent ? t('auth.password.change') : t('auth.password.finishSetup')}</strong>
      <span className="hint">{t('auth.password.hint')}</span>
      {fields
        .filter((f) => needsCurrent || f.autoComplete !== 'current-password')
        .map((f) => (
          <TextField key={f.label} type="password" labelHidden {...f} />
        ))}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
      <button type="submit">{t('auth.password.save')}</button>
    </form>
  );
}
