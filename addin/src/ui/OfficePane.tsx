// Inside Excel: pick the sheet → check the detected header row and mapping → options → Controleer →
// overview → Samenvatting maken / Verwijder statuskolommen. The API is called between Excel.run calls,
// never inside one.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  makeStyles,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  ProgressBar,
  Select,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Summary } from '../../../shared/model/summary';
import type { PaneAuth } from '../api';
import type { SheetRead, FieldName } from '../../../shared/sheet/types';
import { msalConfig, type LocalSettings } from '../config';
import { readHostSheet, type HostSheetRead } from '../excel/read';
import { sheetSnapshot } from '../excel/snapshot';
import { listSheets, removeOwned, selectCell, type SheetList } from '../excel/sheets';
import { documentSettings, loadMapping, saveMapping, type SheetMapping } from '../excel/settings';
import { isHostError, officeExcelRun, type ExcelRun } from '../excel/types';
import { applyWritePlan } from '../excel/write';
import { fieldLabel, MAPPABLE_FIELDS, mappableHeaders } from '../fields';
import { supports } from '../host';
import { hostErrorText, useT, type Messages } from '../i18n';
import { overviewOf } from '../overview';
import type { CheckOutcome } from '../pipeline';
import { CheckOptions, initialOptions, validOptions, type CheckOptionsValue } from './CheckOptions';
import { Overview } from './Overview';
import { Settings } from './Settings';

const loadPipeline = () => import('../pipeline');

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  h: { fontSize: tokens.fontSizeBase400, margin: '4px 0' },
  mapping: { display: 'flex', flexDirection: 'column', gap: '6px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
});

type Phase = 'idle' | 'reading' | 'evaluating' | 'writing' | 'summary' | 'removing';
type Notice = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

function errorText(e: unknown, t: Messages, sheet: string): string {
  if (isHostError(e)) return hostErrorText(e, t, sheet);
  if (e && typeof e === 'object' && (e as { name?: string }).name === 'ApiError') return t.apiRefused((e as { detail?: string }).detail ?? String(e));
  return t.hostFailed(e instanceof Error ? e.message : String(e));
}

/** What a finished check hands to the views around the pane (e.g. sending the board's need). */
export interface CheckedSheet {
  summary: Summary;
  planningYear: string;
  board: string | null;
  /** Evaluated by the API (the central register applied), not by the bundled engine. */
  viaApi: boolean;
}

export default function OfficePane({
  settings,
  onSettings,
  run = officeExcelRun,
  auth: sharedAuth,
  onAuth,
  afterCheck,
}: {
  settings: LocalSettings;
  onSettings: (s: LocalSettings) => void;
  run?: ExcelRun;
  /** Sign-in state held by the surrounding views (so the role follows the signed-in user). */
  auth?: PaneAuth | null;
  onAuth?: (auth: PaneAuth) => void;
  afterCheck?: (checked: CheckedSheet) => ReactNode;
}) {
  const { t, language } = useT();
  const styles = useStyles();
  const [sheets, setSheets] = useState<SheetList | null>(null);
  const [sheet, setSheet] = useState('');
  const [host, setHost] = useState<HostSheetRead | null>(null);
  const [mapping, setMapping] = useState<SheetMapping>({});
  const [preview, setPreview] = useState<SheetRead | null>(null);
  const [options, setOptions] = useState<CheckOptionsValue>(() => initialOptions(settings.board));
  const [phase, setPhase] = useState<Phase>('idle');
  const [notice, setNotice] = useState<Notice>(null);
  const [offerLocal, setOfferLocal] = useState(false);
  const [outcome, setOutcome] = useState<(CheckOutcome & { local: boolean; date1904: boolean; checked: Omit<CheckedSheet, 'summary'> }) | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const [ownAuth, setOwnAuth] = useState<PaneAuth | null>(null);
  const auth = sharedAuth !== undefined ? sharedAuth : ownAuth;
  const setAuth = onAuth ?? setOwnAuth;
  const busy = phase !== 'idle';

  const fail = useCallback((e: unknown) => setNotice({ intent: 'error', text: errorText(e, t, sheet) }), [t, sheet]);

  useEffect(() => {
    listSheets(run)
      .then((list) => {
        setSheets(list);
        setSheet(list.active);
      })
      .catch(fail);
    // Only once, when the pane opens.
  }, []);

  // A sheet picked: read it and show what the reader makes of it.
  useEffect(() => {
    if (!sheet) return;
    let live = true;
    setOutcome(null);
    setNotice(null);
    setPhase('reading');
    const settingsStore = documentSettings();
    const saved = settingsStore ? loadMapping(settingsStore, sheet) : {};
    Promise.all([readHostSheet(run, sheet), loadPipeline()])
      .then(([read, pipeline]) => {
        if (!live) return;
        setHost(read);
        setMapping(saved);
        setPreview(pipeline.readStaffSheet({ grid: read.grid, sheet, date1904: read.date1904, board: options.board.trim() || null, overrides: saved as Record<string, FieldName | null> }));
      })
      .catch((e) => live && fail(e))
      .finally(() => live && setPhase('idle'));
    return () => {
      live = false;
    };
    // Only when another sheet is picked; the board and the texts of that moment are used.
  }, [sheet]);

  async function changeMapping(header: string, value: string) {
    const next: SheetMapping = { ...mapping, [header]: value === '' ? null : value };
    setMapping(next);
    const store = documentSettings();
    if (store) await saveMapping(store, sheet, next).catch(fail);
    if (host) {
      const pipeline = await loadPipeline();
      setPreview(pipeline.readStaffSheet({ grid: host.grid, sheet, date1904: host.date1904, board: options.board.trim() || null, overrides: next as Record<string, FieldName | null> }));
    }
  }

  async function check(local: boolean) {
    const valid = validOptions(options);
    if (!valid) return setNotice({ intent: 'error', text: t.invalidDate });
    if (options.board !== settings.board) onSettings({ ...settings, board: options.board });
    setNotice(null);
    setOfferLocal(false);
    setOutcome(null);
    try {
      setPhase('reading');
      const fresh = await readHostSheet(run, sheet);
      setHost(fresh);
      const pipeline = await loadPipeline();
      const read = pipeline.readStaffSheet({ grid: fresh.grid, sheet, date1904: fresh.date1904, board: valid.board, overrides: mapping as Record<string, FieldName | null> });
      setPreview(read);
      if (read.skipped !== null) return setNotice({ intent: 'error', text: t.noHeaderRow(read.skipped) });
      setPhase('evaluating');
      const useApi = !local && settings.apiUrl.trim() !== '';
      const evaluate = useApi
        ? pipeline.apiEvaluator({ baseUrl: settings.apiUrl.trim(), apiKey: settings.apiKey, ...(auth ? { getToken: auth.getToken } : {}) })
        : pipeline.localEvaluator;
      let result: CheckOutcome;
      try {
        result = await pipeline.checkSheet(read, { referenceDate: valid.referenceDate, planningYear: valid.planningYear, evaluate });
      } catch (e) {
        if (e instanceof pipeline.ApiError && e.unreachable) return setOfferLocal(true);
        if (e instanceof pipeline.TooManyPeople) return setNotice({ intent: 'error', text: t.tooManyPeople });
        throw e;
      }
      setPhase('writing');
      // Written only if the sheet is still as read: the write checks its header row and each row's person first.
      await applyWritePlan(run, { sheets: result.writePlan.sheets, reportSheets: [] }, { date1904: fresh.date1904, tables: { [sheet]: fresh.tables }, snapshots: { [sheet]: sheetSnapshot(read, fresh.grid) } });
      const isLocalFallback = local && settings.apiUrl.trim() !== '';
      setOutcome({ ...result, local: isLocalFallback, date1904: fresh.date1904, checked: { planningYear: valid.planningYear, board: valid.board, viaApi: useApi } });
      setNotice({ intent: 'success', text: t.written(read.people.length, sheet) + (isLocalFallback ? ` ${t.evaluatedLocally}` : '') });
    } catch (e) {
      fail(e);
    } finally {
      setPhase('idle');
    }
  }

  async function makeSummary() {
    const [first, perSchool] = outcome?.writePlan.reportSheets ?? [];
    if (!outcome || !first) return;
    setPhase('summary');
    try {
      const pipeline = await loadPipeline();
      const noted = outcome.local ? pipeline.withLocalNote(first, t.localNote) : null;
      const summary = noted ? noted.sheet : first;
      // The Per school sheet (when the sheet has a school column) is written beside the summary.
      await applyWritePlan(run, { sheets: [], reportSheets: perSchool ? [summary, perSchool] : [summary] }, {
        date1904: outcome.date1904,
        reportNote: noted ? { address: noted.address, text: t.localNote } : null,
        notesSupported: supports('ExcelApi', '1.18'),
        activateReport: true,
      });
      setNotice({ intent: 'success', text: t.summaryWritten(summary.name) + (perSchool ? ` ${t.perSchoolWritten(perSchool.name)}` : '') });
    } catch (e) {
      fail(e);
    } finally {
      setPhase('idle');
    }
  }

  async function remove() {
    setConfirmRemove(false);
    setPhase('removing');
    try {
      const report = await removeOwned(run, sheet);
      setOutcome(null);
      setNotice({ intent: 'success', text: t.removed(report.columns.length, report.sheets.length) });
    } catch (e) {
      fail(e);
    } finally {
      setPhase('idle');
    }
  }

  const overview = useMemo(() => (outcome ? overviewOf([{ read: outcome.read, evaluation: outcome.evaluation }]) : null), [outcome]);
  // The product's own columns (after a check) are never read (rules.md §6.1), so they are not offered for mapping.
  const headerEntries = preview ? mappableHeaders(preview.headers) : [];
  const progress = { reading: 0.2, evaluating: 0.5, writing: 0.8 } as Partial<Record<Phase, number>>;
  const stepLabel = { reading: t.stepRead, evaluating: t.stepEvaluate, writing: t.stepWrite, summary: t.makeSummary, removing: t.removeColumns } as Partial<Record<Phase, string>>;

  return (
    <div className={styles.stack}>
      <Field label={t.sheet} hint={t.sheetHint}>
        <Select value={sheet} disabled={busy || !sheets} onChange={(_, d) => setSheet(d.value)}>
          {(sheets?.sheets ?? []).map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </Select>
      </Field>

      {preview && (
        <section aria-labelledby="mapping-title" className={styles.mapping}>
          <h2 id="mapping-title" className={styles.h}>
            {t.mapping}
          </h2>
          <Text>{preview.headerRow ? t.headerRowFound(preview.headerRow) : t.noHeaderRow(preview.skipped ?? '')}</Text>
          {preview.headerRow && <Text size={200}>{t.mappingHint}</Text>}
          {preview.headerRow &&
            headerEntries.map(([letter, header]) => (
              <Field key={letter} label={`${letter}${preview.headerRow}: ${header}`}>
                <Select value={preview.columns[letter] ?? ''} disabled={busy} onChange={(_, d) => void changeMapping(header, d.value)}>
                  <option value="">{preview.columns[letter] ? t.ignore : t.unmapped}</option>
                  {MAPPABLE_FIELDS.map((f) => (
                    <option key={f} value={f}>
                      {fieldLabel(f, language)}
                    </option>
                  ))}
                </Select>
              </Field>
            ))}
        </section>
      )}

      <CheckOptions value={options} onChange={setOptions} />

      <div className={styles.actions}>
        <Button appearance="primary" disabled={busy || !sheet} onClick={() => void check(false)}>
          {t.check}
        </Button>
      </div>

      {busy && stepLabel[phase] && <ProgressBar value={progress[phase]} aria-label={stepLabel[phase]} />}
      {busy && stepLabel[phase] && <Text role="status">{stepLabel[phase]}…</Text>}

      {offerLocal && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.apiUnreachable}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => void check(true)}>{t.evaluateLocally}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {notice && (
        <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{notice.text}</MessageBarBody>
        </MessageBar>
      )}

      {overview && (
        <>
          <Overview data={overview} onSelect={(s, cell) => void selectCell(run, s, cell).catch(fail)} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void makeSummary()}>
              {t.makeSummary}
            </Button>
          </div>
          {afterCheck && outcome && afterCheck({ summary: outcome.summary, ...outcome.checked })}
        </>
      )}

      <div className={styles.actions}>
        <Button disabled={busy || !sheet} onClick={() => setConfirmRemove(true)}>
          {t.removeColumns}
        </Button>
        <Button appearance="subtle" aria-expanded={showSettings} onClick={() => setShowSettings(!showSettings)}>
          {t.settings}
        </Button>
      </div>

      {showSettings && (
        <div className={styles.details}>
          <Settings
            settings={settings}
            onSave={onSettings}
            account={auth?.account ?? null}
            onSignIn={async () => {
              const config = msalConfig();
              if (!config) return;
              const { signIn } = await import('../auth');
              setAuth(await signIn(config));
            }}
          />
        </div>
      )}

      <Dialog open={confirmRemove} onOpenChange={(_, d) => setConfirmRemove(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{t.removeTitle}</DialogTitle>
            <DialogContent>{t.removeBody(sheet)}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void remove()}>
                {t.removeConfirm}
              </Button>
              <Button onClick={() => setConfirmRemove(false)}>{t.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
