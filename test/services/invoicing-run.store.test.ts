/** The last invoicing run in the document properties: it round-trips, and is none before the first run or when unreadable. */
import { memoryProperties } from '../../harness/ports';
import { loadLastRun, storeLastRun } from '../../src/services/invoicing-run.store';

describe('the last invoicing run', () => {
  it('round-trips, and is null before the first run or when unreadable', () => {
    const properties = memoryProperties();
    expect(loadLastRun(properties)).toBeNull();
    const last = {
      at: '2026-01-05T09:00:00.000Z',
      by: 'owner@agency.test',
      created: ['INV-1'],
      finished: [],
      problems: 0,
      summary: 'Invoicing: created INV-1.',
    };
    storeLastRun(properties, last);
    expect(loadLastRun(properties)).toEqual(last);
    expect(loadLastRun(memoryProperties({ 'prepaidTime.invoicing.lastRun': '{' }))).toBeNull();
  });
});
