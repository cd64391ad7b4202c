import type { components } from './schema.d.ts';

type ErrorBody = components['schemas']['Error'];
type ErrorCode = ErrorBody['code'] | 'NETWORK_ERROR';
type FieldIssue = ErrorBody['details'][number];

/** A failed API call: the server's stable code, its localised message and the inputs it rejected. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: ErrorCode;
  readonly details: FieldIssue[];
  readonly requestId: string | undefined;

  constructor(status: number, body: Pick<ErrorBody, 'message'> & { code: ErrorCode; details?: FieldIssue[]; requestId?: string }) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? [];
    this.requestId = body.requestId;
  }

  /** Builds the error from a non-2xx response, whose body follows the Error schema when our server sent it. */
  static async fromResponse(response: Response, fallbackMessage: string): Promise<ApiError> {
    const body = (await response.json().catch(() => undefined)) as Partial<ErrorBody> | undefined;
    if (body?.code && body.message) return new ApiError(response.status, { ...body, code: body.code, message: body.message });
    return new ApiError(response.status, { code: 'INTERNAL', message: fallbackMessage });
  }
}

export function isApiError(error: unknown, code?: ErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}
