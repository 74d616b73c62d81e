// A failure in plain words, in the user's language (issue #13 §7): what happened, what to do about it, and the
// host's own line (English, the CLI's words) folded away as the technical detail. Both chosen by the error's code
// (issue #14 §3), never by reading the line.
import type { ApiError } from '../../../shared/contract/index.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { adviceOfKind, explainError } from '../model/error-message.ts';

export function ErrorWithAdvice({ title, error, advice }: { title: string; error: ApiError; advice?: string }) {
  const { t } = useI18n();
  const explained = explainError(error);
  const kindAdvice = adviceOfKind(explained.kind);
  const what = advice ?? (kindAdvice === null ? null : t.errors[kindAdvice]);
  return (
    <div className="alert alert-error" role="alert" data-error-kind={explained.kind} data-error-code={error.code}>
      <p className="alert-title">{title}</p>
      {explained.detail !== '' && <p className="alert-message">{t.errorText[explained.kind](explained.params)}</p>}
      {what !== null && <p><strong>{t.progress.whatToDo}</strong> {what}</p>}
      {explained.detail !== '' && <ErrorDetail detail={explained.detail} />}
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
