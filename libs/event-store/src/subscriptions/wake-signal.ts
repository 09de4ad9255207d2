// A wake-up that is not lost when it fires while nobody waits: the next wait returns at once.
export class WakeSignal {
  private pending = false;
  private readonly waiters = new Set<() => void>();

  fire(): void {
    if (this.waiters.size === 0) {
      this.pending = true;
      return;
    }
    for (const wake of [...this.waiters]) wake();
  }

  // Forgets a wake-up nobody waited for.
  clear(): void {
    this.pending = false;
  }

  // Resolves on the next fire() or after `timeoutMs`, whichever comes first.
  wait(timeoutMs: number): Promise<void> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const done = (): void => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      this.waiters.add(done);
    });
  }
}
