import { Button, Field, Input, makeStyles, MessageBar, MessageBarBody, Text } from '@fluentui/react-components';
import { useState } from 'react';
import { msalConfig, type LocalSettings } from '../config';
import { useT } from '../i18n';

const useStyles = makeStyles({ stack: { display: 'flex', flexDirection: 'column', gap: '8px' } });

export function Settings({
  settings,
  onSave,
  account,
  onSignIn,
}: {
  settings: LocalSettings;
  onSave: (s: LocalSettings) => void;
  account: string | null;
  onSignIn: () => Promise<void>;
}) {
  const { t } = useT();
  const styles = useStyles();
  const [draft, setDraft] = useState(settings);
  const [saved, setSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const msal = msalConfig();
  return (
    <form
      className={styles.stack}
      onSubmit={(e) => {
        e.preventDefault();
        onSave(draft);
        setSaved(true);
      }}
    >
      <Field label={t.apiUrl} hint={t.apiUrlHint}>
        <Input type="url" value={draft.apiUrl} onChange={(_, d) => (setSaved(false), setDraft({ ...draft, apiUrl: d.value }))} />
      </Field>
      {/* Signed in with Entra ID in Azure, the pane never asks for a key; keys are for local use. */}
      {!msal && (
        <Field label={t.apiKey}>
          <Input type="password" value={draft.apiKey} onChange={(_, d) => (setSaved(false), setDraft({ ...draft, apiKey: d.value }))} />
        </Field>
      )}
      <div>
        <Button type="submit">{t.save}</Button>
      </div>
      {saved && <Text>{t.saved}</Text>}
      {msal &&
        (account ? (
          <Text>{t.signedInAs(account)}</Text>
        ) : (
          <div>
            <Button onClick={() => onSignIn().catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))}>{t.signIn}</Button>
          </div>
        ))}
      {error && (
        <MessageBar intent="error">
          <MessageBarBody>{error}</MessageBarBody>
        </MessageBar>
      )}
    </form>
  );
}
