import { MessageBar, MessageBarBody } from '@fluentui/react-components';

export type NoticeValue = { intent: 'success' | 'error' | 'warning' | 'info'; text: string } | null;

export function Notice({ notice }: { notice: NoticeValue }) {
  if (!notice) return null;
  return (
    <MessageBar intent={notice.intent} role={notice.intent === 'error' ? 'alert' : 'status'}>
      <MessageBarBody>{notice.text}</MessageBarBody>
    </MessageBar>
  );
}
