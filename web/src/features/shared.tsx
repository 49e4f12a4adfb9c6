import { useEffect, useId, useState, type InputHTMLAttributes, type ReactNode } from 'react';
import { ApiError } from '../api/client';

export const PASSWORD_MIN = 10;

export function ErrorMessage({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <p className="error" role="alert">
      {message}
    </p>
  );
}

interface FieldProps extends InputHTMLAttributes<HTMLInputElement> {
  label: string;
  hint?: ReactNode;
  /** What is wrong with this field's value: shown under it, tied to it (aria-invalid, aria-describedby). */
  error?: string | null;
}

/** A labelled input with an optional hint and error tied to it through aria-describedby. */
export function Field({ label, hint, error, ...input }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const described = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input id={id} aria-describedby={described} aria-invalid={error ? true : undefined} {...input} />
      {error && (
        <p id={errorId} className="error field-error" role="alert">
          {error}
        </p>
      )}
      {hint && (
        <small id={hintId} className="hint">
          {hint}
        </small>
      )}
    </div>
  );
}

/** An error that names a field (400 with `error.field`) goes under that field; anything else above the button. */
export function fieldOf(err: unknown): string | null {
  return err instanceof ApiError && err.status === 400 && err.field ? err.field : null;
}

export const MINUTE_MS = 60_000;

/** The time now, ticking every `everyMs`: relative times ("5 min ago") move on while the page is idle. */
export function useClock(everyMs: number): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(t);
  }, [everyMs]);
  return now;
}

// Dates, numbers and costs follow the language shown (../i18n/format); re-exported for the features.
export { formatCost, formatCostOrUnknown, formatCount, formatDate, relativeTime } from '../i18n/format';
