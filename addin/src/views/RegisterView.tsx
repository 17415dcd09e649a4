// Plan §4 "Vakbekwaamheid aantonen" (rules.md §4.12, issue 6): the Stagebureau sends the active attendance
// sheet to the central register and sees per row what was new, updated, rejected or not sent; and erases
// one person's records (AVG) after a confirmation.
import {
  Button,
  Dialog,
  DialogActions,
  DialogBody,
  DialogContent,
  DialogSurface,
  DialogTitle,
  Field,
  Input,
  makeStyles,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import { bossPoPlan } from '../../../shared/plan/bosspo';
import { readAttendance } from '../../../shared/sheet/attendance';
import { uploadAttendance } from '../../../shared/register/attendance-upload';
import { readHostSheet } from '../excel/read';
import type { ExcelRun } from '../excel/types';
import { Notice, type NoticeValue } from './Notice';
import { problemText, useViewT } from './texts';

const useStyles = makeStyles({
  stack: { display: 'flex', flexDirection: 'column', gap: '8px' },
  part: { display: 'flex', flexDirection: 'column', gap: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
});

interface Line {
  row: number;
  training: string;
  date: string;
  outcome: 'nieuw' | 'bijgewerkt' | 'afgewezen' | 'notSent';
  detail: string;
}

export function RegisterView({ client, run, initialBoard }: { client: ApiClient; run: ExcelRun; initialBoard: string }) {
  const { v, t } = useViewT();
  const styles = useStyles();
  const [board, setBoard] = useState(initialBoard);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const [lines, setLines] = useState<Line[] | null>(null);
  const [counts, setCounts] = useState<string | null>(null);
  const [eraseBoard, setEraseBoard] = useState(initialBoard);
  const [personId, setPersonId] = useState('');
  const [confirm, setConfirm] = useState(false);
  const [eraseNotice, setEraseNotice] = useState<NoticeValue>(null);

  async function registerSheet() {
    setBusy(true);
    setNotice(null);
    setLines(null);
    setCounts(null);
    try {
      const host = await readHostSheet(run, null);
      const read = readAttendance(host.grid, { sheetName: host.sheet, date1904: host.date1904, board: board.trim() || null, plan: bossPoPlan });
      if (read.skipped !== null) return setNotice({ intent: 'error', text: v.noAttendance(host.sheet, read.skipped) });
      const report = await uploadAttendance(client, [read]);
      const notSent: Line[] = read.problems.map((p) => ({ row: p.row, training: '', date: '', outcome: 'notSent', detail: `${p.cell ? `${p.cell}: ` : ''}${p.message}` }));
      const sent: Line[] = report.outcomes.map((o) => ({ row: o.row, training: o.training, date: o.date, outcome: o.outcome, detail: o.reason ?? '' }));
      setLines([...sent, ...notSent].sort((a, b) => a.row - b.row));
      const notSentRows = new Set(read.problems.map((p) => p.row)).size;
      setCounts(v.registerCounts(report.created, report.updated, report.rejected, notSentRows));
      if (read.remarks.length > 0) setNotice({ intent: 'warning', text: read.remarks.join(' ') });
    } catch (e) {
      setNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  async function erase() {
    setConfirm(false);
    setBusy(true);
    setEraseNotice(null);
    try {
      const answer = await client.erasePerson(eraseBoard.trim(), personId.trim());
      setEraseNotice({ intent: 'success', text: v.erased(answer.deleted) });
      setPersonId('');
    } catch (e) {
      setEraseNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className={styles.stack}>
      <section aria-labelledby="register-title" className={styles.stack}>
        <h2 id="register-title">{v.registerTitle}</h2>
        <Text>{v.registerIntro}</Text>
        <Field label={v.registerBoard} hint={v.registerBoardHint}>
          <Input value={board} onChange={(_, d) => setBoard(d.value)} />
        </Field>
        <div>
          <Button appearance="primary" disabled={busy} onClick={() => void registerSheet()}>
            {v.register}
          </Button>
        </div>
        <Notice notice={notice} />
        {counts && <Text data-testid="register-counts">{counts}</Text>}
        {lines && lines.length > 0 && (
          <Table size="small" aria-label={v.registerTitle}>
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{v.row}</TableHeaderCell>
                <TableHeaderCell>{v.training}</TableHeaderCell>
                <TableHeaderCell>{v.date}</TableHeaderCell>
                <TableHeaderCell>{v.outcome}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {lines.map((l, i) => (
                <TableRow key={`${l.row}-${i}`} data-testid={`register-row-${l.row}`}>
                  <TableCell>{l.row}</TableCell>
                  <TableCell>{l.training}</TableCell>
                  <TableCell>{l.date}</TableCell>
                  <TableCell>
                    {v.outcomeText[l.outcome]}
                    {l.detail ? `: ${l.detail}` : ''}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </section>

      <section aria-labelledby="erase-title" className={styles.part}>
        <h2 id="erase-title">{v.eraseTitle}</h2>
        <Text>{v.eraseIntro}</Text>
        <Field label={v.registerBoard}>
          <Input value={eraseBoard} onChange={(_, d) => setEraseBoard(d.value)} />
        </Field>
        <Field label={v.personId}>
          <Input value={personId} onChange={(_, d) => setPersonId(d.value)} />
        </Field>
        <div>
          <Button
            disabled={busy}
            onClick={() => (eraseBoard.trim() && personId.trim() ? setConfirm(true) : setEraseNotice({ intent: 'error', text: v.eraseFill }))}
          >
            {v.erase}
          </Button>
        </div>
        <Notice notice={eraseNotice} />
      </section>

      <Dialog open={confirm} onOpenChange={(_, d) => setConfirm(d.open)}>
        <DialogSurface>
          <DialogBody>
            <DialogTitle>{v.eraseConfirmTitle}</DialogTitle>
            <DialogContent>{v.eraseConfirmBody(personId.trim(), eraseBoard.trim())}</DialogContent>
            <DialogActions>
              <Button appearance="primary" onClick={() => void erase()}>
                {v.eraseConfirm}
              </Button>
              <Button onClick={() => setConfirm(false)}>{v.cancel}</Button>
            </DialogActions>
          </DialogBody>
        </DialogSurface>
      </Dialog>
    </div>
  );
}
