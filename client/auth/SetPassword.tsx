import { type FormEvent, useState } from 'react';
import { api, okJson } from '../api';
import { TextField } from '../controls/TextField';

/** Shown until a user who arrived by a one-time link has chosen a password (and on request later). */
export function SetPassword({ needsCurrent, onDone }: { needsCurrent: boolean; onDone: () => void }) {
  const [current, setCurrent] = useState('');
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const fields = [
    { label: 'Current password', autoComplete: 'current-password', value: current, onChange: setCurrent },
    { label: 'New password', autoComplete: 'new-password', value: password, onChange: setPassword },
    { label: 'Repeat new password', autoComplete: 'new-password', value: repeat, onChange: setRepeat },
  ];

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (password !== repeat) return setError('The two passwords differ.');
    try {
      await okJson(api.api.auth.password.$post({ json: needsCurrent ? { current, password } : { password } }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  }

  return (
    <form className="set-password" onSubmit={submit} aria-label="Choose a password">
      <strong>{needsCurrent ? 'Change your password' : 'Choose a password to finish setting up your account'}</strong>
      <span className="hint">At least 12 characters; a few unrelated words make a good one.</span>
      {fields
        .filter((f) => needsCurrent || f.label !== 'Current password')
        .map((f) => (
          <TextField key={f.label} type="password" labelHidden {...f} />
        ))}
      {error && (
        <span className="form-error" role="alert">
          {error}
        </span>
      )}
      <button type="submit">Save password</button>
    </form>
  );
}
