/**
 * Values kept in this process while what they are made of stays at the version they were read under, at
 * most `capacity` of them, the least recently used dropped first. A version is a number that moves in the
 * same commit as any change to the tables a value reads (`register_versions`, `kept_versions`). Whoever
 * keeps a value must have read the version before reading what the value is made of (see EvaluationCache):
 * a value is then never kept under a version newer than its contents, and any change makes the next
 * reader read afresh.
 */
export class KeptUnderVersion<T> {
  private readonly entries = new Map<string, { version: string; value: T }>();

  constructor(private readonly capacity: number) {}

  get(key: string, version: string): T | undefined {
    const kept = this.entries.get(key);
    if (kept?.version !== version) return undefined;
    this.entries.delete(key); // most recently used last: the first key is the one to drop
    this.entries.set(key, kept);
    return kept.value;
  }

  set(key: string, version: string, value: T): void {
    this.entries.delete(key);
    this.entries.set(key, { version, value });
    if (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets a value if it is still the one kept (a read that failed must not be served again). */
  forget(key: string, value: T): void {
    if (this.entries.get(key)?.value === value) this.entries.delete(key);
  }
}

/**
 * A read kept under a version, while in flight and once done: one read however many ask at once. A read
 * that failed or found nothing is not kept (a caller could fill memory with ids that are nobody's).
 */
export function keptRead<T>(kept: KeptUnderVersion<Promise<T>>, key: string, version: string, read: () => Promise<T>): Promise<T> {
  const known = kept.get(key, version);
  if (known) return known;
  const reading = read();
  reading.then(
    (value) => value ?? kept.forget(key, reading),
    () => kept.forget(key, reading),
  );
  kept.set(key, version, reading);
  return reading;
}

/** Kept values are shared by every caller: frozen, so a caller that changed one would fail at once, not corrupt the next answer. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
