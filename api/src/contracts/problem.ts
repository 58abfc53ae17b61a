import { z } from 'zod';

/** One offending field: its path in the body or query (`rules.durations[1]`) and what is wrong. */
export const fieldErrorSchema = z.object({
  field: z.string(),
  message: z.string(),
});

/** RFC 9457 problem details, as every error of the API is answered (`application/problem+json`). */
export const problemSchema = z
  .object({
    type: z.string().meta({ description: 'A URI identifying the problem type.' }),
    title: z.string().meta({ description: 'A short summary, the same for every occurrence of the type.' }),
    status: z.int().min(400).max(599),
    detail: z.string().meta({ description: 'A sentence for a person, about this occurrence.' }),
    instance: z.string().optional().meta({ description: 'The request path this answers.' }),
    code: z.string().optional().meta({ description: 'A stable machine-readable code, e.g. SLOT_TAKEN.' }),
    errors: z.array(fieldErrorSchema).optional().meta({ description: 'Every offending field.' }),
  })
  .meta({ id: 'Problem' });
export type Problem = z.infer<typeof problemSchema>;
export type FieldError = z.infer<typeof fieldErrorSchema>;

/** `rules.durations[1]` from zod's `['rules', 'durations', 1]`. */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out;
}

/** Every issue of a failed parse as a field error; an unknown key is named itself. */
export function fieldErrors(error: z.ZodError, prefix?: string): FieldError[] {
  return error.issues.flatMap((issue) => {
    const base = prefix ? [prefix, ...issue.path] : issue.path;
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => ({
        field: fieldPath([...base, key]),
        message: `"${key}" is not a field of this request.`,
      }));
    }
    return [{ field: fieldPath(base) || '(body)', message: issue.message }];
  });
}

/** The 400 answer for input that failed validation, naming every offending field. */
export function validationProblem(
  error: z.ZodError,
  options: { instance?: string; prefix?: string } = {},
): Problem {
  const errors = fieldErrors(error, options.prefix);
  const first = errors[0];
  return {
    type: 'https://tandem.dev/problems/validation',
    title: 'Some fields are not valid',
    status: 400,
    detail:
      errors.length === 1 && first
        ? `${first.field}: ${first.message}`
        : `${errors.length} fields are not valid; see errors for each one.`,
    code: 'VALIDATION_FAILED',
    errors,
    ...(options.instance !== undefined && { instance: options.instance }),
  };
}
