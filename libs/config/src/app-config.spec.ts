import { ConfigError, loadConfig } from './app-config.js';

describe('loadConfig', () => {
  it('maps an empty environment to the zero-setup defaults', () => {
    const config = loadConfig({});
    expect(config.database.url).toBeNull();
    expect(config.http.port).toBe(3000);
    expect(config.eventStore).toEqual({ kind: 'postgres' });
    expect(config.projector.mode).toBe('inline');
  });

  it('lists every problem by name and never prints the values', () => {
    const secret = 'short-secret-value';
    let error: unknown;
    try {
      loadConfig({ PORT: 'not-a-port', EVENT_STORE: 'eventstoredb', BOOTSTRAP_ADMIN_KEY: secret, DATABASE_URL: 'mysql://x' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    for (const name of ['PORT', 'EVENTSTORE_URL', 'BOOTSTRAP_ADMIN_KEY', 'DATABASE_URL']) expect(problems).toContain(name);
    expect((error as ConfigError).message).not.toContain(secret);
    expect((error as ConfigError).message).not.toContain('mysql://x');
  });

  it('accepts an EventStoreDB deployment', () => {
    const config = loadConfig({ EVENT_STORE: 'eventstoredb', EVENTSTORE_URL: 'esdb://eventstore:2113?tls=false' });
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://eventstore:2113?tls=false' });
  });
});
