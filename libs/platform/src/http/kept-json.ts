// Answers kept in memory and sent to many callers (a service's compliance, kept until the register
// changes) were turned into JSON again for every reply: 17% of such a read's CPU (README, Benchmarks).
// A kept answer is frozen, so its JSON can be made once, at its first reply, and reused.
const kept = new WeakMap<object, string | null>();

/** Marks a frozen answer that many replies will send: its JSON is made at the first and reused after. */
export function keepJson<T extends object>(value: T): T {
  if (!Object.isFrozen(value)) throw new Error('keepJson: only a frozen answer can keep its JSON');
  kept.set(value, null);
  return value;
}

/** The reply serializer (createApp): a kept answer's JSON, made once; anything else as Fastify would, JSON.stringify. */
export function replyJson(payload: unknown): string {
  if (payload === null || typeof payload !== 'object' || !kept.has(payload)) return JSON.stringify(payload);
  let json = kept.get(payload);
  if (json == null) kept.set(payload, (json = JSON.stringify(payload)));
  return json;
}
