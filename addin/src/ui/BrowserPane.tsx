// Browser mode (interfaces.md §5): choose an .xlsx, Controleer, Download `<name>.gecontroleerd.xlsx`.
import { Button, MessageBar, MessageBarBody, makeStyles, Spinner, Text, tokens } from '@fluentui/react-components';
import { useId, useRef, useState } from 'react';
import type { LocalSettings } from '../config';
import { useT } from '../i18n';
import { resultPanelOf, type ResultPanelData } from '../result-panel';
import { CheckOptions, initialOptions, validOptions, type CheckOptionsValue } from './CheckOptions';
import { ResultPanel } from './ResultPanel';
import { workbookMediaType } from '../../../xlsx/file-name';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '12px' },
  file: { display: 'flex', flexDirection: 'column', gap: '4px' },
  label: { fontWeight: tokens.fontWeightSemibold },
  actions: { display: 'flex', gap: '8px', flexWrap: 'wrap' },
});

interface Done {
  name: string;
  url: string;
  panel: ResultPanelData;
  skipped: string[];
}

export default function BrowserPane({ settings, onSettings }: { settings: LocalSettings; onSettings: (s: LocalSettings) => void }) {
  const { t } = useT();
  const styles = useStyles();
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [options, setOptions] = useState<CheckOptionsValue>(() => initialOptions(settings.board));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<Done | null>(null);
  const link = useRef<HTMLAnchorElement>(null);

  async function run() {
    setError(null);
    if (!file) return setError(t.chooseFirst);
    const valid = validOptions(options);
    if (!valid) return setError(t.invalidDate);
    if (valid.board !== (settings.board.trim() || null)) onSettings({ ...settings, board: options.board });
    setBusy(true);
    if (done) URL.revokeObjectURL(done.url);
    setDone(null);
    try {
      const { checkFile, FileProblem } = await import('../browser/check-file');
      try {
        const bytes = new Uint8Array(await file.arrayBuffer());
        // Outside Office nobody signs in: the API only with a key (local use), else the bundled engine.
        const evaluate = settings.apiUrl.trim() && settings.apiKey.trim() ? (await import('../pipeline')).evaluatorFor({ baseUrl: settings.apiUrl.trim(), apiKey: settings.apiKey }) : undefined;
        const result = await checkFile({ name: file.name, bytes }, { ...valid, ...(evaluate ? { evaluate } : {}) });
        const blob = new Blob([result.output as Uint8Array<ArrayBuffer>], { type: workbookMediaType(result.outputName) });
        setDone({
          name: result.outputName,
          url: URL.createObjectURL(blob),
          panel: resultPanelOf(result.sheets),
          skipped: result.sheets.filter((s) => s.read.skipped !== null).map((s) => t.sheetSkipped(s.read.sheet, s.read.skipped!)),
        });
      } catch (e) {
        if (e instanceof FileProblem) setError(t.fileProblem(e.message));
        else throw e;
      }
    } catch (e) {
      setError(t.fileProblem(e instanceof Error ? e.message : String(e)));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.stack}>
      <Text>{t.browserIntro}</Text>
      <div className={styles.file}>
        <label htmlFor={inputId} className={styles.label}>
          {t.chooseWorkbook}
        </label>
        <input
          id={inputId}
          type="file"
          accept=".xlsx,.xlsm"
          onChange={(e) => {
            setFile(e.target.files?.[0] ?? null);
            setDone(null);
            setError(null);
          }}
        />
      </div>
      <CheckOptions value={options} onChange={setOptions} />
      <div className={styles.actions}>
        <Button appearance="primary" onClick={() => void run()} disabled={busy}>
          {t.check}
        </Button>
        {done && (
          <>
            <Button onClick={() => link.current?.click()} title={t.downloadHint(done.name)}>
              {t.download}
            </Button>
            <a ref={link} href={done.url} download={done.name} hidden tabIndex={-1} aria-hidden="true">
              {done.name}
            </a>
          </>
        )}
      </div>
      {busy && <Spinner size="small" label={t.checking} />}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
      {done && (
        <>
          <Text>{done.name}</Text>
          {done.skipped.map((s) => (
            <Text key={s} size={200}>
              {s}
            </Text>
          ))}
          <ResultPanel data={done.panel} />
        </>
      )}
    </div>
  );
}
