/** Thrown when the caller cancels (VS Code's progress "Cancel", Ctrl-C). */
export class LookupCancelled extends Error {
  constructor() {
    super("The session lookup was cancelled.");
    this.name = "AbortError";
  }
}

export class LookupTimeout extends Error {}

/**
 * `work` or a LookupTimeout after `ms`, or LookupCancelled when `signal` aborts. A value that
 * arrives too late goes to `onLate` (a connection that opened after we gave up must be closed).
 */
export function withDeadline<T>(work: Promise<T>, ms: number, what: string, signal?: AbortSignal, onLate?: (value: T) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      signal?.removeEventListener("abort", onAbort);
      fn();
    };
    const onAbort = () => finish(() => reject(new LookupCancelled()));
    const timer = setTimeout(() => finish(() => reject(new LookupTimeout(`no answer ${what} within ${(ms / 1000).toLocaleString("en")} s`))), ms);
    if (signal?.aborted) onAbort();
    else signal?.addEventListener("abort", onAbort);
    work.then(
      (value) => (settled ? onLate?.(value) : finish(() => resolve(value))),
      (error) => finish(() => reject(error)),
    );
  });
}
