/**
 * Runs tasks one after another. Two overlapping `Word.run` batches could interleave their reads and
 * writes (a check reading while a fix is half applied), so every call into Word goes through one queue.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();

  /** Run `task` once every task queued before it has settled (whether it succeeded or not). */
  run<T>(task: () => Promise<T>): Promise<T> {
    const result = this.tail.then(() => task());
    this.tail = result.catch(() => undefined);
    return result;
  }
}
