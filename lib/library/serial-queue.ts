/** Runs async tasks one after another: concurrent pages share one checkpoint, so their writes take turns. */
export class SerialQueue {
  #tail: Promise<unknown> = Promise.resolve();

  run<Result>(task: () => Promise<Result>): Promise<Result> {
    const result = this.#tail.then(task);
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
