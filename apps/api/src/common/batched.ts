/**
 * Coalesces many lookups or writes of the same kind into a few database round trips. Keys asked for
 * while fewer than `concurrency` batches are running go out together on the next turn of the event
 * loop; keys asked for while they all run wait and go out together in the next one. So one call costs
 * what it did alone (plus one turn), and 3,000 handshakes of a hall reconnecting at once cost tens of
 * queries instead of thousands, each waiting its turn for the pool (issue 15: joins timed out at 15 s).
 */
export class Batched<K, V> {
  private pending = new Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>>();
  private running = 0;
  private scheduled = false;

  /**
   * `run` gets distinct keys (at most `maxBatch`) and answers a value for each key it was given; a key
   * it leaves out gets `missing`. Its failure rejects every caller of that batch.
   */
  constructor(
    private readonly run: (keys: K[]) => Promise<Map<K, V>>,
    private readonly missing: V,
    private readonly options: { maxBatch?: number; concurrency?: number } = {},
  ) {}

  load(key: K): Promise<V> {
    return new Promise<V>((resolve, reject) => {
      const waiting = this.pending.get(key);
      if (waiting) waiting.push({ resolve, reject });
      else this.pending.set(key, [{ resolve, reject }]);
      this.schedule();
    });
  }

  private schedule(): void {
    if (this.scheduled || this.running >= (this.options.concurrency ?? 2) || this.pending.size === 0) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      void this.flush();
    });
  }

  private async flush(): Promise<void> {
    if (this.pending.size === 0) return;
    const maxBatch = this.options.maxBatch ?? 500;
    const batch = new Map<K, Array<{ resolve: (value: V) => void; reject: (error: unknown) => void }>>();
    for (const [key, waiting] of this.pending) {
      if (batch.size >= maxBatch) break;
      batch.set(key, waiting);
    }
    for (const key of batch.keys()) this.pending.delete(key);
    this.running++;
    // More than one batch's worth waiting: the next one can start beside this one.
    this.schedule();
    try {
      const values = await this.run([...batch.keys()]);
      for (const [key, waiting] of batch) {
        const value = values.has(key) ? values.get(key)! : this.missing;
        for (const caller of waiting) caller.resolve(value);
      }
    } catch (error) {
      for (const waiting of batch.values()) for (const caller of waiting) caller.reject(error);
    } finally {
      this.running--;
      this.schedule();
    }
  }
}
