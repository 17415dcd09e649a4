// Plan §5 (issue 6): after a check, HR sends the board's training need for the planning year
// (PUT /api/needs/{year}/{board}) and sees when it was last sent and whether the sheet changed since.
import { Button, makeStyles, Text, tokens } from '@fluentui/react-components';
import { useEffect, useMemo, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import type { MeResponse } from '../../../shared/api/me';
import type { Summary } from '../../../shared/model/summary';
import { documentSettings } from '../excel/settings';
import { maySubmit } from '../roles';
import { needsBody } from '../../../shared/api/needs';
import { loadSubmission, needsHash, saveSubmission, submissionState, submittedText, type Submission } from '../submission';
import { Notice, type NoticeValue } from './Notice';
import { problemText, useViewT } from './texts';

const useStyles = makeStyles({
  box: { display: 'flex', flexDirection: 'column', gap: '8px', borderTop: `1px solid ${tokens.colorNeutralStroke2}`, paddingTop: '8px' },
  h: { fontSize: tokens.fontSizeBase400, margin: '4px 0' },
});

export interface SubmitNeedProps {
  client: ApiClient;
  me: MeResponse;
  summary: Summary;
  planningYear: string;
  /** The board the check was for (the form's board), or null. */
  board: string | null;
}

export function SubmitNeed({ client, me, summary, planningYear, board: formBoard }: SubmitNeedProps) {
  const { v, t, language } = useViewT();
  const styles = useStyles();
  // A board's key sends for its own board; the pabo sends for the board on the form.
  const board = (me.roles.includes('pabo') ? formBoard : (formBoard ?? me.board))?.trim() ?? '';
  const body = useMemo(() => needsBody(summary), [summary]);
  const [server, setServer] = useState<Submission | null>(null);
  const [remembered, setRemembered] = useState<Submission | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeValue>(null);
  const allowed = maySubmit(me, board);

  useEffect(() => {
    if (!board || !allowed) return;
    let live = true;
    const store = documentSettings();
    setRemembered(store ? loadSubmission(store, planningYear, board) : null);
    client
      .getBoardNeeds(planningYear, board)
      .then((answer) => {
        if (!live || !answer.latest) return;
        const { submittedAt, version, ...need } = answer.latest;
        setServer({ submittedAt, version, hash: needsHash(need) });
      })
      // Not reachable now: the workbook's own record still says when it was sent.
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [client, planningYear, board, allowed]);

  const state = submissionState(body, server, remembered);

  async function submit() {
    setBusy(true);
    setNotice(null);
    try {
      const answer = await client.putNeeds(planningYear, board, body);
      const record: Submission = { submittedAt: answer.submittedAt, version: answer.version, hash: needsHash(body) };
      setServer(record);
      const store = documentSettings();
      if (store) {
        await saveSubmission(store, planningYear, board, record);
        setRemembered(record);
      }
      setNotice({ intent: 'success', text: answer.stored ? v.sent(board, planningYear, answer.version) : v.sentSame(answer.version) });
    } catch (e) {
      setNotice({ intent: 'error', text: problemText(e, v, t) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="submit-title" className={styles.box}>
      <h2 id="submit-title" className={styles.h}>
        {v.submitTitle}
      </h2>
      {!board ? (
        <Text>{v.submitNeedsBoard}</Text>
      ) : !allowed ? (
        <Text>{v.submitNotAllowed(board)}</Text>
      ) : (
        <>
          <Text>{v.submitIntro(board, planningYear)}</Text>
          <Text data-testid="last-submission">
            {state.last ? v.lastSent(submittedText(state.last.submittedAt, language), state.last.version, state.changed === true) : v.neverSent(planningYear)}
          </Text>
          <div>
            <Button appearance="primary" disabled={busy} onClick={() => void submit()}>
              {v.submit}
            </Button>
          </div>
        </>
      )}
      <Notice notice={notice} />
    </section>
  );
}
