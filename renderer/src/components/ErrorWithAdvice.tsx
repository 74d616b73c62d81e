// A failure in plain words, in the user's language (issue #13 §7): what happened, what to do about it, and the
// host's own line (English, the CLI's words) folded away as the technical detail.
import { useI18n } from '../i18n/i18n.tsx';
import { adviceFor } from '../model/error-advice.ts';
import { adviceOfKind, explainError } from '../model/error-message.ts';

export function ErrorWithAdvice({ title, message, advice }: { title: string; message: string; advice?: string }) {
  const { t } = useI18n();
  const explained = explainError(message);
  const kindAdvice = adviceOfKind(explained.kind);
  const what = advice ?? (kindAdvice === 'generic' ? t.errors[adviceFor(message)] : kindAdvice === null ? null : t.errors[kindAdvice]);
  return (
    <div className="alert alert-error" role="alert" data-error-kind={explained.kind}>
      <p className="alert-title">{title}</p>
      {message !== '' && <p className="alert-message">{t.errorText[explained.kind](explained.params)}</p>}
      {what !== null && <p><strong>{t.progress.whatToDo}</strong> {what}</p>}
      {message !== '' && <ErrorDetail detail={explained.detail} />}
    </div>
  );
}

/** The host's line, closed by default: for a support request, not for reading. */
export function ErrorDetail({ detail }: { detail: string }) {
  const { t } = useI18n();
  return (
    <details className="alert-detail">
      <summary>{t.errorDetail}</summary>
      <p lang="en"><code>{detail}</code></p>
    </details>
  );
}
