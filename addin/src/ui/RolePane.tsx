// Inside Excel: the views of the caller's role (issue 6). The role comes from GET /api/me — with the
// API key locally, with the signed-in user's token in Azure — and the API enforces the same rules.
// Board: the check and `Verstuur behoefte`; pabo: also Trainersvraag, the register and the overview;
// stuurgroep: the overview (and the check). Without an API, or without a known role, only the check.
import { makeStyles, Tab, TabList, Text } from '@fluentui/react-components';
import { lazy, Suspense, useEffect, useState } from 'react';
import type { ApiClient } from '../../../shared/api/client';
import type { MeResponse } from '../../../shared/api/me';
import { schoolYearOf, todayInAmsterdam } from '../../../shared/calendar/dates';
import type { PaneAuth } from '../api';
import { msalConfig, type LocalSettings } from '../config';
import { officeExcelRun, type ExcelRun } from '../excel/types';
import { viewsFor, type View } from '../roles';
import { Notice, type NoticeValue } from '../views/Notice';
import { isApiError, useViewT } from '../views/texts';
import OfficePane from './OfficePane';

// Loaded when a role needs them, so an HR officer's first load of the pane stays as small as before.
const DemandView = lazy(() => import('../views/DemandView').then((m) => ({ default: m.DemandView })));
const OverviewView = lazy(() => import('../views/OverviewView').then((m) => ({ default: m.OverviewView })));
const RegisterView = lazy(() => import('../views/RegisterView').then((m) => ({ default: m.RegisterView })));
const SubmitNeed = lazy(() => import('../views/SubmitNeed').then((m) => ({ default: m.SubmitNeed })));

// Four tabs are wider than a 320 px pane: they wrap to a second line rather than run past the edge.
const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '12px' }, tabs: { flexWrap: 'wrap' } });

export default function RolePane({ settings, onSettings, run = officeExcelRun }: { settings: LocalSettings; onSettings: (s: LocalSettings) => void; run?: ExcelRun }) {
  const { v } = useViewT();
  const styles = useStyles();
  const [auth, setAuth] = useState<PaneAuth | null>(null);
  const [me, setMe] = useState<MeResponse | null>(null);
  const [roleNotice, setRoleNotice] = useState<NoticeValue>(null);
  const [chosen, setChosen] = useState<View | null>(null);
  const [client, setClient] = useState<ApiClient | null>(null);

  // A new address, key or sign-in: a new client, and ask the API again who we are.
  useEffect(() => {
    setMe(null);
    setClient(null);
    if (!settings.apiUrl.trim()) return setRoleNotice({ intent: 'info', text: v.roleUnknownNoApi });
    // In Azure the role comes from the signed-in user: ask for the sign-in rather than failing with 401.
    if (!auth && !settings.apiKey && msalConfig()) return setRoleNotice({ intent: 'info', text: v.signInForRole });
    let live = true;
    setRoleNotice(null);
    import('../api')
      .then(({ paneClient }) => {
        const next = paneClient(settings, auth);
        if (!live || !next) return;
        setClient(next);
        return next.me().then((answer) => live && setMe(answer));
      })
      .catch((e: unknown) => {
        if (!live) return;
        if (isApiError(e) && !e.unreachable) setRoleNotice({ intent: 'warning', text: v.roleRefused(e.detail || e.title) });
        else setRoleNotice({ intent: 'warning', text: v.roleUnreachable });
      });
    return () => {
      live = false;
    };
    // Texts follow the language; the role only follows the address, the key and the sign-in.
  }, [settings.apiUrl, settings.apiKey, auth]);

  const views = viewsFor(me);
  const view = chosen && views.includes(chosen) ? chosen : views[0]!;
  const year = schoolYearOf(todayInAmsterdam());

  return (
    <div className={styles.stack}>
      {me && <Text data-testid="role">{v.roleLine(me.role, me.name, me.board)}</Text>}
      <Notice notice={roleNotice} />
      {views.length > 1 && (
        <TabList className={styles.tabs} aria-label={v.views} selectedValue={view} onTabSelect={(_, d) => setChosen(d.value as View)}>
          {views.map((name) => (
            <Tab key={name} value={name}>
              {v.view[name]}
            </Tab>
          ))}
        </TabList>
      )}
      {/* The check stays mounted while another view shows, so its results survive a switch. */}
      <div hidden={view !== 'check'}>
        <OfficePane
          settings={settings}
          onSettings={onSettings}
          run={run}
          auth={auth}
          onAuth={setAuth}
          afterCheck={(checked) =>
            client && me && checked.viaApi && !(me.roles.length === 1 && me.roles[0] === 'stuurgroep') ? (
              <Suspense fallback={null}>
                <SubmitNeed client={client} me={me} summary={checked.summary} planningYear={checked.planningYear} board={checked.board} />
              </Suspense>
            ) : null
          }
        />
      </div>
      <Suspense fallback={null}>
        {client && view === 'demand' && <DemandView client={client} run={run} initialYear={year} />}
        {client && view === 'overview' && <OverviewView client={client} run={run} initialYear={year} />}
        {client && view === 'register' && <RegisterView client={client} run={run} initialBoard={settings.board} />}
      </Suspense>
    </div>
  );
}
