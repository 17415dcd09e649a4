// The task pane's check flow inside Excel, without React: pick a sheet → read it and show what the reader
// makes of it → Controleer (read → evaluate → write) → Samenvatting maken / Verwijder statuskolommen.
// `paneReducer` is the state machine (pure); `createPaneFlow` runs the steps against Excel and the core's
// check use case (shared/check.ts, through the lazily loaded pipeline.ts) and feeds the reducer.
// OfficePane.tsx only renders the state and calls these actions. The API is called between two Excel.run
// batches (read; verify-and-write), never inside one.
import type { SchoolYear } from '../../shared/calendar/dates';
import type { IsoDate } from '../../shared/model/person';
import type { Summary } from '../../shared/model/summary';
import type { SheetRead } from '../../shared/sheet/types';
import { readHostSheet, type HostSheetRead } from './excel/read';
import { loadMapping, saveMapping, type DocumentSettings, type SheetMapping } from './excel/settings';
import { listSheets, removeOwned, selectCell, type SheetList } from './excel/sheets';
import { sheetSnapshot } from './excel/snapshot';
import type { ExcelRun } from './excel/types';
import { applyWritePlan } from './excel/write';
import type { ApiAccess, SheetCheck } from './pipeline';

export type Phase = 'idle' | 'reading' | 'evaluating' | 'writing' | 'summary' | 'removing';

/** What the pane tells the user, as data; the view words it in the pane's language (views/texts.ts). */
export type Notice =
  | { kind: 'invalidDate' }
  | { kind: 'noHeaderRow'; reason: string }
  | { kind: 'tooManyPeople' }
  | { kind: 'failed'; error: unknown; sheet: string }
  | { kind: 'written'; people: number; sheet: string; local: boolean }
  | { kind: 'summaryWritten'; summary: string; perSchool: string | null }
  | { kind: 'removed'; columns: number; sheets: number };

/** What a finished check hands to the views around the pane (e.g. sending the board's need). */
export interface CheckedSheet {
  summary: Summary;
  planningYear: string;
  board: string | null;
  /** Evaluated by the API (the central register applied), not by the bundled engine. */
  viaApi: boolean;
}

/** A finished check of the picked sheet. */
export interface PaneOutcome {
  check: SheetCheck;
  /** Evaluated in the pane after the API could not be reached: the summary sheet says so. */
  local: boolean;
  date1904: boolean;
  checked: CheckedSheet;
}

export interface PaneState {
  sheets: SheetList | null;
  sheet: string;
  /** The picked sheet's cells as last read. */
  host: HostSheetRead | null;
  /** The user's column corrections for this sheet (remembered in the workbook). */
  mapping: SheetMapping;
  /** What the reader makes of the sheet: header row, columns, problems. */
  preview: SheetRead | null;
  phase: Phase;
  notice: Notice | null;
  /** The API could not be reached: offer to evaluate in the pane. */
  offerLocal: boolean;
  outcome: PaneOutcome | null;
}

export const initialPaneState: PaneState = {
  sheets: null,
  sheet: '',
  host: null,
  mapping: {},
  preview: null,
  phase: 'idle',
  notice: null,
  offerLocal: false,
  outcome: null,
};

export type PaneEvent =
  | { type: 'listed'; sheets: SheetList }
  | { type: 'sheetPicked'; sheet: string }
  | { type: 'sheetRead'; host: HostSheetRead; mapping: SheetMapping; preview: SheetRead }
  | { type: 'mappingChanged'; mapping: SheetMapping }
  | { type: 'previewed'; preview: SheetRead; host?: HostSheetRead }
  | { type: 'checkStarted' }
  | { type: 'phase'; phase: Exclude<Phase, 'idle'> }
  | { type: 'apiUnreachable' }
  | { type: 'checked'; outcome: PaneOutcome; notice: Notice }
  | { type: 'notice'; notice: Notice }
  | { type: 'removed'; notice: Notice }
  | { type: 'idle' };

export function paneReducer(state: PaneState, event: PaneEvent): PaneState {
  switch (event.type) {
    case 'listed':
      return { ...state, sheets: event.sheets };
    case 'sheetPicked':
      return { ...state, sheet: event.sheet, outcome: null, notice: null, phase: 'reading' };
    case 'sheetRead':
      return { ...state, host: event.host, mapping: event.mapping, preview: event.preview };
    case 'mappingChanged':
      return { ...state, mapping: event.mapping };
    case 'previewed':
      return { ...state, preview: event.preview, host: event.host ?? state.host };
    case 'checkStarted':
      return { ...state, notice: null, offerLocal: false, outcome: null, phase: 'reading' };
    case 'phase':
      return { ...state, phase: event.phase };
    case 'apiUnreachable':
      return { ...state, offerLocal: true };
    case 'checked':
      return { ...state, outcome: event.outcome, notice: event.notice };
    case 'notice':
      return { ...state, notice: event.notice };
    case 'removed':
      return { ...state, outcome: null, notice: event.notice };
    case 'idle':
      return { ...state, phase: 'idle' };
  }
}

type Pipeline = typeof import('./pipeline');

export interface PaneDeps {
  run: ExcelRun;
  /** The workbook's document settings (where mappings are remembered); null outside Office. */
  documentSettings: () => DocumentSettings | null;
  /** Whether the host can write a note on a cell (ExcelApi 1.18). */
  notesSupported: () => boolean;
  /** Whether the host lists a range's merged areas (ExcelApi 1.13); without it the read falls back (excel/read.ts). */
  mergedAreasSupported: () => boolean;
  /** The check's wiring, loaded on demand (default: pipeline.ts). */
  loadPipeline?: () => Promise<Pipeline>;
}

/** Options of a check, valid (CheckOptions.tsx), or null when a field is wrong. */
export interface CheckRequest {
  options: { referenceDate: IsoDate; planningYear: SchoolYear; board: string | null } | null;
  /** The API to evaluate with; null when no address is set (the bundled engine then). */
  api: ApiAccess | null;
  /** Evaluate in the pane even though an API is set (after it could not be reached). */
  local: boolean;
}

export interface PaneFlow {
  getState(): PaneState;
  subscribe(listener: () => void): () => void;
  /** The pane opened: list the sheets and open the active one. */
  start(board: string | null): Promise<void>;
  /** Another sheet picked: read it and show what the reader makes of it (a later pick wins). */
  pickSheet(sheet: string, board: string | null): Promise<void>;
  changeMapping(header: string, value: string, board: string | null): Promise<void>;
  check(request: CheckRequest): Promise<void>;
  /** Writes the summary (and Per school) sheet; `localNote` goes below it when evaluated in the pane. */
  makeSummary(localNote: string): Promise<void>;
  remove(): Promise<void>;
  selectCell(sheet: string, cell: string): Promise<void>;
}

export function createPaneFlow(deps: PaneDeps): PaneFlow {
  const loadPipeline = deps.loadPipeline ?? (() => import('./pipeline'));
  let state = initialPaneState;
  const listeners = new Set<() => void>();
  const dispatch = (event: PaneEvent) => {
    state = paneReducer(state, event);
    for (const listener of listeners) listener();
  };
  const fail = (error: unknown) => dispatch({ type: 'notice', notice: { kind: 'failed', error, sheet: state.sheet } });
  /** Counts sheet picks, so the read of an earlier pick that finishes late is dropped. */
  let picks = 0;

  async function pickSheet(sheet: string, board: string | null): Promise<void> {
    if (!sheet || sheet === state.sheet) return;
    const pick = ++picks;
    const live = () => pick === picks;
    dispatch({ type: 'sheetPicked', sheet });
    const store = deps.documentSettings();
    const saved = store ? loadMapping(store, sheet) : {};
    try {
      const [host, pipeline] = await Promise.all([readHostSheet(deps.run, sheet, { mergedAreas: deps.mergedAreasSupported() }), loadPipeline()]);
      if (!live()) return;
      const preview = pipeline.readStaffSheet({ grid: host.grid, merges: host.merges, sheet, date1904: host.date1904, board, overrides: saved });
      dispatch({ type: 'sheetRead', host, mapping: saved, preview });
    } catch (e) {
      if (live()) fail(e);
    } finally {
      if (live()) dispatch({ type: 'idle' });
    }
  }

  return {
    getState: () => state,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },

    async start(board) {
      try {
        const sheets = await listSheets(deps.run);
        dispatch({ type: 'listed', sheets });
        await pickSheet(sheets.active, board);
      } catch (e) {
        fail(e);
      }
    },

    pickSheet,

    async changeMapping(header, value, board) {
      const { sheet } = state;
      const mapping: SheetMapping = { ...state.mapping, [header]: value === '' ? null : value };
      dispatch({ type: 'mappingChanged', mapping });
      const store = deps.documentSettings();
      if (store) await saveMapping(store, sheet, mapping).catch(fail);
      const host = state.host;
      if (host) {
        const pipeline = await loadPipeline();
        dispatch({ type: 'previewed', preview: pipeline.readStaffSheet({ grid: host.grid, merges: host.merges, sheet, date1904: host.date1904, board, overrides: mapping }) });
      }
    },

    async check({ options, api, local }) {
      if (!options) return dispatch({ type: 'notice', notice: { kind: 'invalidDate' } });
      const { sheet, mapping } = state;
      dispatch({ type: 'checkStarted' });
      try {
        // First Excel.run: the sheet as it is now.
        const fresh = await readHostSheet(deps.run, sheet, { mergedAreas: deps.mergedAreasSupported() });
        const pipeline = await loadPipeline();
        const read = pipeline.readStaffSheet({ grid: fresh.grid, merges: fresh.merges, sheet, date1904: fresh.date1904, board: options.board, overrides: mapping });
        dispatch({ type: 'previewed', preview: read, host: fresh });
        if (read.skipped !== null) return dispatch({ type: 'notice', notice: { kind: 'noHeaderRow', reason: read.skipped } });

        // Between the batches: the core's check of the read sheet, by the API or the bundled engine.
        dispatch({ type: 'phase', phase: 'evaluating' });
        const viaApi = !local && api !== null;
        let check: SheetCheck;
        try {
          check = await pipeline.checkSheet(read, {
            referenceDate: options.referenceDate,
            planningYear: options.planningYear,
            evaluate: pipeline.evaluatorFor(viaApi ? api : null),
          });
        } catch (e) {
          if (e instanceof pipeline.ApiError && e.unreachable) return dispatch({ type: 'apiUnreachable' });
          if (e instanceof pipeline.TooManyPeople) return dispatch({ type: 'notice', notice: { kind: 'tooManyPeople' } });
          throw e;
        }

        // Second Excel.run: written only if the sheet is still as read (its header row and each row's person are checked first).
        dispatch({ type: 'phase', phase: 'writing' });
        await applyWritePlan(
          deps.run,
          { sheets: check.writePlan.sheets, reportSheets: [] },
          { date1904: fresh.date1904, tables: { [sheet]: fresh.tables }, snapshots: { [sheet]: sheetSnapshot(read, fresh.grid) } },
        );
        const localFallback = local && api !== null;
        dispatch({
          type: 'checked',
          outcome: { check, local: localFallback, date1904: fresh.date1904, checked: { summary: check.summary, planningYear: options.planningYear, board: options.board, viaApi } },
          notice: { kind: 'written', people: read.people.length, sheet, local: localFallback },
        });
      } catch (e) {
        fail(e);
      } finally {
        dispatch({ type: 'idle' });
      }
    },

    async makeSummary(localNote) {
      const outcome = state.outcome;
      const [planned, perSchool] = outcome?.check.writePlan.reportSheets ?? [];
      if (!outcome || !planned) return;
      dispatch({ type: 'phase', phase: 'summary' });
      try {
        const pipeline = await loadPipeline();
        const noted = outcome.local ? pipeline.withLocalNote(planned, localNote) : null;
        const summary = noted ? noted.sheet : planned;
        // The Per school sheet (when the sheet has a school column) is written beside the summary.
        await applyWritePlan(deps.run, { sheets: [], reportSheets: perSchool ? [summary, perSchool] : [summary] }, {
          date1904: outcome.date1904,
          reportNote: noted ? { address: noted.address, text: localNote } : null,
          notesSupported: deps.notesSupported(),
          activateReport: true,
        });
        dispatch({ type: 'notice', notice: { kind: 'summaryWritten', summary: summary.name, perSchool: perSchool?.name ?? null } });
      } catch (e) {
        fail(e);
      } finally {
        dispatch({ type: 'idle' });
      }
    },

    async remove() {
      dispatch({ type: 'phase', phase: 'removing' });
      try {
        const report = await removeOwned(deps.run, state.sheet);
        dispatch({ type: 'removed', notice: { kind: 'removed', columns: report.columns.length, sheets: report.sheets.length } });
      } catch (e) {
        fail(e);
      } finally {
        dispatch({ type: 'idle' });
      }
    },

    async selectCell(sheet, cell) {
      await selectCell(deps.run, sheet, cell).catch(fail);
    },
  };
}
