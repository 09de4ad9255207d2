import { deciderSpec } from './decider-spec.js';

type Command = { type: 'Add'; amount: number } | { type: 'Fail' };
type Event = { type: 'Added'; amount: number };

const counter = {
  initialState: () => 0,
  evolve: (state: number, event: Event) => state + event.amount,
  decide(command: Command, state: number): Event[] {
    if (command.type === 'Fail') throw Object.assign(new Error('no'), { code: 'NOPE', details: { state } });
    return command.amount === 0 ? [] : [{ type: 'Added', amount: command.amount }];
  },
};

const spec = deciderSpec(counter, expect);

describe('deciderSpec', () => {
  it('passes when decide gives the expected events, nothing, or the expected error', () => {
    spec.given([{ type: 'Added', amount: 1 }]).when({ type: 'Add', amount: 2 }).then([{ type: 'Added', amount: 2 }]);
    spec.given([]).when({ type: 'Add', amount: 0 }).thenNothing();
    spec.given([{ type: 'Added', amount: 3 }]).when({ type: 'Fail' }).thenThrows('NOPE', { state: 3 });
  });

  it('fails on other events, an unexpected success or another code', () => {
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).then([])).toThrow();
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).thenNothing()).toThrow();
    expect(() => spec.given([]).when({ type: 'Add', amount: 2 }).thenThrows('NOPE')).toThrow();
    expect(() => spec.given([]).when({ type: 'Fail' }).thenThrows('OTHER')).toThrow();
    expect(() => spec.given([]).when({ type: 'Fail' }).thenThrows('NOPE', { state: 9 })).toThrow();
  });
});
