// given/when/then for deciders. The assertion function comes in as a parameter (pass jest's
// global `expect`), so this file compiles and runs without test-runner types.

export type Decider<Command, Event, State> = {
  decide(command: Command, state: State): Event[];
  evolve(state: State, event: Event): State;
  initialState(): State;
};

export type Expect = (actual: unknown) => { toEqual(expected: unknown): void };

export type ThenStep<Event> = {
  then(expected: readonly Event[]): Event[];
  thenNothing(): void;
  thenThrows(code: string, details?: Record<string, unknown>): unknown;
};

function errorSummary(error: unknown): Record<string, unknown> {
  if (typeof error !== 'object' || error === null) return { thrown: error };
  const { code, kind, details, message } = error as Record<string, unknown>;
  return { code, kind, details, message };
}

function pick(value: unknown, keys: string[]): Record<string, unknown> {
  const source = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  return Object.fromEntries(keys.map((key) => [key, source[key]]));
}

export function deciderSpec<Command, Event, State>(decider: Decider<Command, Event, State>, expect: Expect) {
  const fold = (events: readonly Event[]): State =>
    events.reduce((state, event) => decider.evolve(state, event), decider.initialState());

  return {
    given(history: readonly Event[]) {
      return {
        when(command: Command): ThenStep<Event> {
          const run = () => decider.decide(command, fold(history));
          return {
            then(expected) {
              const actual = run();
              expect(actual).toEqual(expected);
              fold([...history, ...actual]); // evolve must accept what decide produced
              return actual;
            },
            thenNothing() {
              expect(run()).toEqual([]);
            },
            thenThrows(code, details) {
              let produced: Event[];
              try {
                produced = run();
              } catch (error) {
                const summary = errorSummary(error);
                expect(summary.code).toEqual(code);
                if (details) expect(pick(summary.details, Object.keys(details))).toEqual(details);
                return error;
              }
              expect({ expectedError: code, butProduced: produced }).toEqual({ expectedError: code });
              return undefined;
            },
          };
        },
      };
    },
  };
}
