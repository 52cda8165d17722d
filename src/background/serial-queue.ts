/**
 * Runs async tasks one after another, in the order they were queued. A read-modify-write of
 * storage that overlaps another loses one of the two updates; queued, neither is lost. A task that
 * fails rejects its own promise and does not stop the tasks after it.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(task: () => Promise<T> | T): Promise<T> {
    const result = this.tail.then(task);
    this.tail = result.catch(() => undefined);
    return result;
  }

  /** Resolves once every task queued so far has finished. */
  async idle(): Promise<void> {
    await this.tail;
  }
}
