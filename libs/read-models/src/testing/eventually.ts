// The log is read gap-safe: an event becomes readable only once every transaction that
// started before it (anywhere in the cluster) has ended, so on a busy server appended events
// can take a moment to reach a reader. Tests wait for the outcome rather than for a call.
export async function eventually<T>(probe: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
