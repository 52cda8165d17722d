/**
 * The two ways a request fails, which the pages tell apart: the worker could not be reached (it is
 * starting or restarting; try again), or it answered that the request failed (say why).
 */

export class WorkerUnavailableError extends Error {
  constructor(detail: string) {
    super(detail);
    this.name = 'WorkerUnavailableError';
  }
}

export class RequestFailedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RequestFailedError';
  }
}

export function errorText(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
