import { useState } from 'react';
import { ApiError } from './api';
import { useAction } from './ui';

/** useAction plus the api's `errors` map, so each field can show its own reason. */
export function useForm() {
  const action = useAction();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const submit = <T,>(work: () => Promise<T>, done?: string | ((value: T) => string)) =>
    action.run(async () => {
      setErrors({});
      try {
        return await work();
      } catch (e) {
        if (e instanceof ApiError) setErrors(e.errors ?? {});
        throw e;
      }
    }, done);
  /** The api's reasons for these field paths, joined; undefined when there are none. */
  const errorFor = (...paths: string[]) => {
    const found = paths.map((p) => errors[p]).filter(Boolean);
    return found.length > 0 ? found.join('; ') : undefined;
  };
  /** Every reason whose path starts with `prefix`, as "path: reason". */
  const errorsUnder = (prefix: string) =>
    Object.entries(errors)
      .filter(([path]) => path === prefix || path.startsWith(`${prefix}.`))
      .map(([path, why]) => ({ path, why }));
  return { ...action, submit, errorFor, errorsUnder };
}

/** The time as people in the hall read it, for "changed at" notes. */
export const clockTime = (at = new Date()) =>
  at.toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit' });
