import type { z } from 'zod';
import { unsafeTextPaths } from '../contract/common';

/** The one error vocabulary of the API. Status codes are decided here and nowhere else. */
export const ERROR_STATUS = {
  validation_failed: 400,
  body_too_large: 413,
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  not_found: 404,
  email_taken: 409,
  precondition_failed: 412,
  range_not_satisfiable: 416,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;
export type ErrorCode = keyof typeof ERROR_STATUS;

export interface FieldIssue {
  path: string;
  rule: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly issues?: FieldIssue[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
  get status(): number {
    return ERROR_STATUS[this.code];
  }
  toBody() {
    return { error: { code: this.code, message: this.message, ...(this.issues ? { issues: this.issues } : {}) } };
  }
}

export const notFound = (what = 'That') => new AppError('not_found', `${what} was not found.`);

export function invalid(issues: FieldIssue[]): AppError {
  const fields = issues.map((i) => i.path || 'the request').join(', ');
  return new AppError('validation_failed', `Some details need another look: ${fields}.`, issues);
}

/** Parses the whole input with its schema, or throws a validation error naming each field and rule. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown, prefix?: string): z.infer<S> {
  const unsafe = unsafeTextPaths(input);
  if (unsafe.length > 0) {
    throw invalid(unsafe.map((path) => ({ path: prefix ? `${prefix}.${path}` : path, rule: 'text', message: 'contains a character that cannot be stored (a NUL byte or half of a character pair)' })));
  }
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  throw invalid(result.error.issues.flatMap((issue) => describeIssue(issue, prefix)));
}

function describeIssue(issue: z.core.$ZodIssue, prefix?: string): FieldIssue[] {
  const join = (parts: PropertyKey[]) => [prefix, ...parts.map(String)].filter((p) => p !== undefined && p !== '').join('.');
  const path = join(issue.path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({ path: join([...issue.path, key]), rule: 'unknown_field', message: 'is not a field Unclench expects' }));
    case 'invalid_type':
      return issue.input === undefined
        ? [{ path, rule: 'required', message: 'is required' }]
        : [{ path, rule: 'type', message: issue.message }];
    case 'too_big':
      return [{ path, rule: 'max', message: issue.message }];
    case 'too_small':
      return [{ path, rule: 'min', message: issue.message }];
    case 'invalid_value':
      return [{ path, rule: 'one_of', message: issue.message }];
    case 'invalid_format':
      return [{ path, rule: 'format', message: issue.message }];
    case 'invalid_union': {
      // When one branch matched the value's kind and only its fields failed, those fields are the real problem.
      const matchedKind = issue.errors.find((branch) => branch.length > 0 && branch.every((i) => i.path.length > 0));
      if (matchedKind) return matchedKind.flatMap((inner) => describeIssue({ ...inner, path: [...issue.path, ...inner.path] }, prefix));
      return [{ path, rule: issue.input === undefined ? 'required' : 'type', message: issue.input === undefined ? 'is required' : issue.message }];
    }
    case 'not_multiple_of':
      return [{ path, rule: 'step', message: issue.message }];
    default:
      return [{ path, rule: 'invalid', message: issue.message }];
  }
}
