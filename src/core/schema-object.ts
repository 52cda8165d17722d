import * as v from 'valibot';

/**
 * `v.object`, except that a required field that is missing is reported with that field's own
 * message, as if it were there and undefined. valibot's own wording for a missing key ("Invalid
 * key: Expected "tabId" but received undefined") tells a reader less than the field's rule does
 * ("tabId must be a tab id"). `message` speaks for a value that is not an object at all.
 */
export function fieldObject<const E extends v.ObjectEntries>(
  entries: E,
  message?: v.ErrorMessage<v.ObjectIssue>,
): v.ObjectSchema<E, v.ErrorMessage<v.ObjectIssue>> {
  return v.object(entries, (issue) => {
    const missing = issue.path?.[0];
    if (missing?.origin === 'key' && typeof missing.key === 'string' && missing.key in entries) {
      const result = v.safeParse(entries[missing.key], undefined);
      if (!result.success) return result.issues[0].message;
    }
    return typeof message === 'function' ? message(issue) : (message ?? issue.message);
  });
}
