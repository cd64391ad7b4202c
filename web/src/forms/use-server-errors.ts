import type { FormInstance } from 'antd';
import { useState } from 'react';
import { ApiError } from '../api/api-error.ts';

/** `body.scopes.0` → `scopes`: the form field a server-side issue is about. */
function formFieldOf(field: string): string {
  const [first = '', second] = field.split('.');
  return first === 'body' && second ? second : first;
}

/**
 * Shows a failed submission where the user looks: each rejected input under its field, and the server's
 * localised message above the buttons.
 */
export function useServerErrors<Values>(form: FormInstance<Values>) {
  const [error, setError] = useState<ApiError>();

  function report(failure: unknown) {
    if (!(failure instanceof ApiError)) throw failure;
    const byField = new Map<string, string[]>();
    for (const issue of failure.details) {
      const name = formFieldOf(issue.field);
      byField.set(name, [...(byField.get(name) ?? []), issue.message]);
    }
    form.setFields([...byField].map(([name, errors]) => ({ name: name as never, errors })));
    setError(failure);
  }

  return { error, report, clear: () => setError(undefined) };
}
