import { Button, FluentProvider, makeStyles, Text, tokens, webLightTheme } from '@fluentui/react-components';
import { lazy, Suspense, useMemo, useState } from 'react';
import { loadSettings, saveSettings, type LocalSettings } from '../config';
import type { HostInfo } from '../host';
import { languageFor, LanguageContext, MESSAGES, type Language } from '../i18n';

const RolePane = lazy(() => import('./RolePane'));
const BrowserPane = lazy(() => import('./BrowserPane'));

const useStyles = makeStyles({
  // The pane is 320–450 px wide in Office: no field may be wider than the pane. A form control's own width
  // (a select as wide as its longest option, an input's default size) would otherwise push it past the edge.
  shell: {
    minWidth: '300px',
    maxWidth: '900px',
    padding: '12px',
    boxSizing: 'border-box',
    display: 'flex',
    flexDirection: 'column',
    gap: '12px',
    '& .fui-Field': { minWidth: 0 },
    '& .fui-Input, & .fui-Select, & .fui-Textarea': { minWidth: 0, maxWidth: '100%', width: '100%', boxSizing: 'border-box' },
    '& .fui-Input__input, & .fui-Select__select': { minWidth: 0, width: '100%' },
  },
  header: { display: 'flex', justifyContent: 'space-between', alignItems: 'center', gap: '8px', flexWrap: 'wrap' },
  title: { fontSize: tokens.fontSizeBase500, fontWeight: tokens.fontWeightSemibold, margin: 0 },
});

export function App({ host }: { host: HostInfo }) {
  const styles = useStyles();
  const [settings, setSettings] = useState<LocalSettings>(() => loadSettings());
  const language: Language = settings.language ?? languageFor(host.displayLanguage);
  const update = (next: LocalSettings) => {
    setSettings(next);
    saveSettings(next);
  };
  const context = useMemo(() => ({ language, t: MESSAGES[language], setLanguage: (l: Language) => update({ ...settings, language: l }) }), [language, settings]);
  const t = MESSAGES[language];
  return (
    <LanguageContext.Provider value={context}>
      <FluentProvider theme={webLightTheme} lang={language}>
        <main className={styles.shell}>
          <header className={styles.header}>
            <h1 className={styles.title}>{t.appTitle}</h1>
            <Button size="small" appearance="subtle" lang={language === 'nl' ? 'en' : 'nl'} onClick={() => context.setLanguage(language === 'nl' ? 'en' : 'nl')}>
              {t.languageToggle}
            </Button>
          </header>
          <Suspense fallback={<Text>{t.loading}</Text>}>
            {host.kind === 'excel' ? <RolePane settings={settings} onSettings={update} /> : <BrowserPane settings={settings} onSettings={update} />}
          </Suspense>
        </main>
      </FluentProvider>
    </LanguageContext.Provider>
  );
}
