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

  // Resolves on the next fire() (true) or after `timeoutMs` (false), whichever comes first.
  wait(timeoutMs: number): Promise<boolean> {
    if (this.pending) {
      this.pending = false;
      return Promise.resolve(true);
    }
    return new Promise((resolve) => {
      const done = (woken: boolean): void => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve(woken);
      };
      const wake = (): void => done(true);
      const timer = setTimeout(() => done(false), timeoutMs);
      this.waiters.add(wake);
    });
  }
}
