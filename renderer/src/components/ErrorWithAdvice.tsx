// A failure in plain words: what happened (the engine's one line) and what to do about it.
import { useI18n } from '../i18n/i18n.tsx';
import { adviceFor } from '../model/error-advice.ts';

export function ErrorWithAdvice({ title, message }: { title: string; message: string }) {
  const { t } = useI18n();
  return (
    <div className="alert alert-error" role="alert">
      <p className="alert-title">{title}</p>
      {message !== '' && <p className="alert-message">{message}</p>}
      <p><strong>{t.progress.whatToDo}</strong> {t.errors[adviceFor(message)]}</p>
    </div>
  );
}
