// The task pane's check flow without React (addin/src/pane-flow.ts): the state machine on its own, and the
// flow against the faithful fake Excel host: what it reads, evaluates and writes, and what it tells the user.
import { describe, expect, it } from 'vitest';
import { createPaneFlow, initialPaneState, paneReducer, type Notice, type PaneEvent, type PaneState } from '../../addin/src/pane-flow';
import * as pipeline from '../../addin/src/pipeline';
import { MESSAGES } from '../../addin/src/i18n';
import { noticeText, problemText, VIEW_MESSAGES } from '../../addin/src/views/texts';
import { HostError } from '../../addin/src/excel/types';
import { ApiError } from '../../shared/api/client';
import { createFakeExcel } from '../support/fake-office/excel';
import { emptySheet, getValue, workbookState, type FakeSheet } from '../support/fake-office/workbook';

const options = { referenceDate: '2026-11-28', planningYear: '2026-2027', board: 'BOOR' } as const;

function staff(): FakeSheet {
  return emptySheet('Personeel', [
    ['Personeel'],
    [],
    ['Personeelsnummer', 'Naam', 'Rol', 'Scholing WPB', 'Certificaat WPB', 'Aantal studenten'],
    [1, 'An de Vries', 'WPB', 45728, 'ja', 2],
    [2, 'Bo Smit', 'WPB', '', '', 1],
    [3, 'Cor Jansen', 'WPB', 'gepland', '', ''],
    [4, 'Dirk Ali', '', '', '', ''],
  ]);
}

/** A document-settings store in memory, as Office keeps it per workbook. */
function memorySettings() {
  const values: Record<string, unknown> = {};
  return { get: (k: string) => values[k], set: (k: string, v: unknown) => void (values[k] = v), saveAsync: (cb?: (r: { status: string }) => void) => cb?.({ status: 'succeeded' }) };
}

function setup(sheets: FakeSheet[] = [staff(), emptySheet('Notities', [['Vrije tekst']])], loadPipeline?: () => Promise<typeof pipeline>) {
  const fake = createFakeExcel(workbookState(sheets));
  const settings = memorySettings();
  const flow = createPaneFlow({ run: fake.run, documentSettings: () => settings, notesSupported: () => true, mergedAreasSupported: () => true, ...(loadPipeline ? { loadPipeline } : {}) });
  const phases: string[] = [];
  flow.subscribe(() => {
    const phase = flow.getState().phase;
    if (phases.at(-1) !== phase) phases.push(phase);
  });
  return { fake, flow, phases, settings };
}

const text = (notice: Notice | null) => (notice ? noticeText(notice, VIEW_MESSAGES.nl, MESSAGES.nl).text : null);

describe('the pane state machine', () => {
  const run = (events: PaneEvent[], from: PaneState = initialPaneState) => events.reduce(paneReducer, from);

  it('a check goes idle → reading → evaluating → writing → idle and carries its outcome and notice', () => {
    const started = run([{ type: 'sheetPicked', sheet: 'Personeel' }, { type: 'idle' }, { type: 'apiUnreachable' }, { type: 'checkStarted' }]);
    expect(started).toMatchObject({ sheet: 'Personeel', phase: 'reading', offerLocal: false, outcome: null, notice: null });
    const outcome = { local: false } as never;
    const done = run([{ type: 'phase', phase: 'evaluating' }, { type: 'phase', phase: 'writing' }, { type: 'checked', outcome, notice: { kind: 'removed', columns: 0, sheets: 0 } }, { type: 'idle' }], started);
    expect(done).toMatchObject({ phase: 'idle', outcome, notice: { kind: 'removed' } });
  });

  it('picking another sheet or removing the columns drops the outcome; an unreachable API offers the bundled engine', () => {
    const checked = run([{ type: 'checked', outcome: { local: false } as never, notice: { kind: 'invalidDate' } }]);
    expect(run([{ type: 'sheetPicked', sheet: 'B' }], checked)).toMatchObject({ outcome: null, notice: null, phase: 'reading', sheet: 'B' });
    expect(run([{ type: 'removed', notice: { kind: 'removed', columns: 5, sheets: 1 } }], checked)).toMatchObject({ outcome: null, notice: { kind: 'removed' } });
    expect(run([{ type: 'apiUnreachable' }]).offerLocal).toBe(true);
  });
});

describe('the pane flow in a fake Excel host', () => {
  it('opens the active sheet, checks it with the bundled engine and writes the owned columns in two Excel.run batches', async () => {
    const { fake, flow, phases } = setup();
    await flow.start('BOOR');
    expect(flow.getState()).toMatchObject({ sheet: 'Personeel', phase: 'idle', sheets: { sheets: ['Personeel', 'Notities'], active: 'Personeel' } });
    expect(flow.getState().preview?.headerRow).toBe(3);

    phases.length = 0;
    await flow.check({ options, api: null, local: false });
    expect(phases).toEqual(['reading', 'evaluating', 'writing', 'idle']);
    const state = flow.getState();
    expect(text(state.notice)).toBe(MESSAGES.nl.written(4, 'Personeel'));
    expect(state.outcome).toMatchObject({ local: false, date1904: false, checked: { planningYear: '2026-2027', board: 'BOOR', viaApi: false } });
    // The same result as the core's use case on the same cells.
    const read = pipeline.readStaffSheet({ grid: state.host!.grid, merges: state.host!.merges, sheet: 'Personeel', date1904: false, board: 'BOOR', overrides: {} });
    const expected = await pipeline.checkSheet(read, { referenceDate: options.referenceDate, planningYear: options.planningYear });
    expect(state.outcome!.check.summary).toEqual(expected.summary);
    const sheet = fake.state.sheets.find((s) => s.name === 'Personeel')!;
    expect(getValue(sheet, 2, 6)).toBe('OS-status');
    expect([3, 4, 5, 6].map((r) => getValue(sheet, r, 6))).toEqual(expected.evaluation.people.map((p) => p.status));
    // The summary sheet only when asked.
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Notities']);
    await flow.makeSummary('Beoordeeld in het taakvenster');
    expect(fake.state.sheets.map((s) => s.name)).toContain('Scholingsbehoefte 2026-2027');
    expect(text(flow.getState().notice)).toBe(MESSAGES.nl.summaryWritten('Scholingsbehoefte 2026-2027'));
    expect(fake.state.sheets.find((s) => s.name === 'Scholingsbehoefte 2026-2027')!.notes).toEqual([]);
  });

  it('offers the bundled engine when the API cannot be reached, and then says so on the summary', async () => {
    const { fake, flow } = setup();
    await flow.start('BOOR');
    const api = { baseUrl: 'http://127.0.0.1:9', apiKey: 'x' };
    await flow.check({ options, api, local: false });
    expect(flow.getState()).toMatchObject({ offerLocal: true, outcome: null, notice: null, phase: 'idle' });
    expect(fake.state.sheets[0]!.values[2]).toHaveLength(6);

    await flow.check({ options, api, local: true });
    expect(flow.getState()).toMatchObject({ offerLocal: false, outcome: { local: true, checked: { viaApi: false } } });
    expect(text(flow.getState().notice)).toBe(`${MESSAGES.nl.written(4, 'Personeel')} ${MESSAGES.nl.evaluatedLocally}`);
    await flow.makeSummary('Beoordeeld in het taakvenster');
    const summary = fake.state.sheets.find((s) => s.name === 'Scholingsbehoefte 2026-2027')!;
    expect(summary.notes.map((n) => n.text)).toEqual(['Beoordeeld in het taakvenster']);
  });

  it('tells a sheet without a header row and wrong options, and writes nothing', async () => {
    const { fake, flow } = setup();
    await flow.start('BOOR');
    await flow.check({ options: null, api: null, local: false });
    expect(text(flow.getState().notice)).toBe(MESSAGES.nl.invalidDate);
    await flow.pickSheet('Notities', 'BOOR');
    expect(flow.getState().preview?.skipped).not.toBeNull();
    await flow.check({ options, api: null, local: false });
    expect(flow.getState().notice).toMatchObject({ kind: 'noHeaderRow' });
    expect(text(flow.getState().notice)).toBe(MESSAGES.nl.noHeaderRow(flow.getState().preview!.skipped!));
    expect(fake.state.sheets.find((s) => s.name === 'Notities')!.values).toEqual([['Vrije tekst']]);
  });

  it('a sheet sorted while it is evaluated gets no statuses, and the pane says to check again', async () => {
    let sort = () => {};
    const { fake, flow } = setup(undefined, async () => ({
      ...pipeline,
      evaluatorFor: () => async (input) => {
        sort();
        return pipeline.localEvaluator(input);
      },
    }));
    sort = () => {
      const rows = fake.state.sheets[0]!.values;
      [rows[3], rows[4]] = [rows[4]!, rows[3]!];
    };
    await flow.start('BOOR');
    await flow.check({ options, api: null, local: false });
    expect(text(flow.getState().notice)).toBe(MESSAGES.nl.sheetChanged);
    expect(flow.getState().outcome).toBeNull();
    expect(fake.state.sheets[0]!.values[2]).toHaveLength(6);
  });

  it('a mapping correction is remembered in the workbook and read again', async () => {
    const { flow, settings } = setup();
    await flow.start('BOOR');
    const before = flow.getState().preview!;
    const letter = Object.entries(before.columns).find(([, f]) => f === 'training.WPB')![0];
    await flow.changeMapping('Scholing WPB', '', 'BOOR');
    expect(flow.getState().preview!.columns[letter]).toBeUndefined();
    expect(settings.get('bosspo.mapping')).toEqual({ Personeel: { 'Scholing WPB': null } });
  });

  it('drops the read of a sheet picked earlier when another pick finishes first', async () => {
    // The second load (the pick of Notities) finishes last.
    let loads = 0;
    const { flow } = setup(undefined, async () => {
      if (++loads === 2) await new Promise((resolve) => setTimeout(resolve, 50));
      return pipeline;
    });
    await flow.start('BOOR');
    const first = flow.pickSheet('Notities', 'BOOR');
    const second = flow.pickSheet('Personeel', 'BOOR');
    await Promise.all([first, second]);
    expect(flow.getState()).toMatchObject({ sheet: 'Personeel', phase: 'idle' });
    expect(flow.getState().preview?.sheet).toBe('Personeel');
  });

  it('removes the owned columns and sheets after a check', async () => {
    const { fake, flow } = setup();
    await flow.start('BOOR');
    await flow.check({ options, api: null, local: false });
    await flow.makeSummary('x');
    await flow.remove();
    expect(flow.getState().outcome).toBeNull();
    expect(text(flow.getState().notice)).toBe(MESSAGES.nl.removed(5, 1));
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Personeel', 'Notities']);
  });
});

describe('one problem-to-message mapping', () => {
  const t = MESSAGES.nl;
  it('the check words a refusal by the server with what to do; other API problems by their kind', () => {
    const refused = new ApiError({ status: 401, title: 'Niet aangemeld', detail: 'geen geldige sleutel' });
    expect(text({ kind: 'failed', error: refused, sheet: 'Personeel' })).toBe(t.apiRefused('geen geldige sleutel'));
    expect(text({ kind: 'failed', error: new Error('kapot'), sheet: 'Personeel' })).toBe(t.hostFailed('kapot'));
    expect(text({ kind: 'tooManyPeople' })).toBe(t.tooManyPeople);
    const v = VIEW_MESSAGES.nl;
    expect(problemText(new ApiError({ status: 403, title: 'Verboden', detail: '' }), v, t)).toBe(v.apiForbidden);
    expect(problemText(new ApiError({ status: 0, title: 'API niet bereikbaar', detail: '' }), v, t)).toBe(v.apiUnreachable);
    expect(problemText(refused, v, t)).toBe(v.apiProblem('Niet aangemeld', 'geen geldige sleutel'));
    expect(problemText(new HostError('sheetProtected', null, 'protected'), v, t, { sheet: 'Personeel' })).toBe(t.sheetProtected('Personeel'));
  });
});
