/** The one shape of every HTTP error Precedent answers. */
export interface ErrorBody {
  statusCode: number;
  error: string;
  code: string;
  message: string;
  details?: unknown;
  requestId: string;
}

export interface FieldProblem {
  field: string;
  message: string;
}
