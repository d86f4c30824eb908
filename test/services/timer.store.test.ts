/** A person's running timer in their user properties: it round-trips, and what cannot be read counts as none. */
import { memoryProperties } from '../../harness/ports';
import { deleteTimer, loadTimer, storeTimer } from '../../src/services/timer.store';

describe('the timer store', () => {
  it('keeps a running timer until it is deleted', () => {
    const properties = memoryProperties();
    storeTimer(properties, { client: 'Acme', description: 'Call', startedAt: 1_000 });
    expect(loadTimer(properties)).toEqual({ client: 'Acme', description: 'Call', startedAt: 1_000 });
    deleteTimer(properties);
    expect(loadTimer(properties)).toBeNull();
  });

  it.each(['not json', '{"client":"Acme"}', '{"startedAt":"soon","client":"Acme"}'])('reads %p as no timer', (stored) => {
    expect(loadTimer(memoryProperties({ 'prepaidTime.timer': stored }))).toBeNull();
  });
});
