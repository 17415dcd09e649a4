// Inside Excel: pick the sheet → check the detected header row and mapping → options → Controleer →
// result panel → Samenvatting maken / Verwijder statuskolommen. A view over the check flow
// (pane-flow.ts): it renders the flow's state and calls its actions; the options, the dialogs and the
// settings are its own.
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
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react';
import type { PaneAuth } from '../api';
import { msalConfig, type LocalSettings } from '../config';
import { documentSettings } from '../excel/settings';
import { officeExcelRun, type ExcelRun } from '../excel/types';
import { fieldLabel, MAPPABLE_FIELDS, mappableHeaders } from '../fields';
import { supports } from '../host';
import { createPaneFlow, type CheckedSheet, type Phase } from '../pane-flow';
import { resultPanelOf } from '../result-panel';
import { noticeText, useViewT } from '../views/texts';
import { CheckOptions, initialOptions, validOptions, type CheckOptionsValue } from './CheckOptions';
import { ResultPanel } from './ResultPanel';
import { Settings } from './Settings';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  h: { fontSize: tokens.fontSizeBase400, margin: '4px 0' },
  mapping: { display: 'flex', flexDirection: 'column', gap: '6px' },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
  details: { borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
});

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
  const { v, t, language } = useViewT();
  const styles = useStyles();
  const [flow] = useState(() => createPaneFlow({ run, documentSettings, notesSupported: () => supports('ExcelApi', '1.18'), mergedAreasSupported: () => supports('ExcelApi', '1.13') }));
  const { sheets, sheet, preview, phase, notice, offerLocal, outcome } = useSyncExternalStore(flow.subscribe, flow.getState);
  const [options, setOptions] = useState<CheckOptionsValue>(() => initialOptions(settings.board));
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [showSettings, setShowSettings] = useState(false);
  const [ownAuth, setOwnAuth] = useState<PaneAuth | null>(null);
  const auth = sharedAuth !== undefined ? sharedAuth : ownAuth;
  const setAuth = onAuth ?? setOwnAuth;
  const busy = phase !== 'idle';
  const board = () => options.board.trim() || null;

  // Only once, when the pane opens: list the sheets and open the active one.
  useEffect(() => {
    void flow.start(board());
  }, []);

  function check(local: boolean) {
    const valid = validOptions(options);
    if (valid && options.board !== settings.board) onSettings({ ...settings, board: options.board });
    const apiUrl = settings.apiUrl.trim();
    const api = apiUrl ? { baseUrl: apiUrl, apiKey: settings.apiKey, ...(auth ? { getToken: auth.getToken } : {}) } : null;
    void flow.check({ options: valid, api, local });
  }

  const panel = useMemo(() => (outcome ? resultPanelOf([{ read: outcome.check.read, evaluation: outcome.check.evaluation }]) : null), [outcome]);
  const message = notice ? noticeText(notice, v, t) : null;
  // The product's own columns (after a check) are never read (rules.md §6.1), so they are not offered for mapping.
  const headerEntries = preview ? mappableHeaders(preview.headers) : [];
  const progress = { reading: 0.2, evaluating: 0.5, writing: 0.8 } as Partial<Record<Phase, number>>;
  const stepLabel = { reading: t.stepRead, evaluating: t.stepEvaluate, writing: t.stepWrite, summary: t.makeSummary, removing: t.removeColumns } as Partial<Record<Phase, string>>;

  return (
    <div className={styles.stack}>
      <Field label={t.sheet} hint={t.sheetHint}>
        <Select value={sheet} disabled={busy || !sheets} onChange={(_, d) => void flow.pickSheet(d.value, board())}>
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
                <Select value={preview.columns[letter] ?? ''} disabled={busy} onChange={(_, d) => void flow.changeMapping(header, d.value, board())}>
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
        <Button appearance="primary" disabled={busy || !sheet} onClick={() => check(false)}>
          {t.check}
        </Button>
      </div>

      {busy && stepLabel[phase] && <ProgressBar value={progress[phase]} aria-label={stepLabel[phase]} />}
      {busy && stepLabel[phase] && <Text role="status">{stepLabel[phase]}…</Text>}

      {offerLocal && (
        <MessageBar intent="warning">
          <MessageBarBody>{t.apiUnreachable}</MessageBarBody>
          <MessageBarActions>
            <Button onClick={() => check(true)}>{t.evaluateLocally}</Button>
          </MessageBarActions>
        </MessageBar>
      )}
      {message && (
        <MessageBar intent={message.intent} role={message.intent === 'error' ? 'alert' : 'status'}>
          <MessageBarBody>{message.text}</MessageBarBody>
        </MessageBar>
      )}

      {panel && (
        <>
          <ResultPanel data={panel} onSelect={(s, cell) => void flow.selectCell(s, cell)} />
          <div className={styles.actions}>
            <Button appearance="primary" disabled={busy} onClick={() => void flow.makeSummary(t.localNote)}>
              {t.makeSummary}
            </Button>
          </div>
          {afterCheck && outcome && afterCheck(outcome.checked)}
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
              <Button
                appearance="primary"
                onClick={() => {
                  setConfirmRemove(false);
                  void flow.remove();
                }}
              >
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
