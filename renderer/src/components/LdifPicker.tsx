// Beside the LDIF path field (issue #13 §7): « Choisir un fichier… » or a drop on the zone. A page cannot learn a
// file's path, so the file is sent to the loopback host, which keeps a copy in Vigie's data folder that only you can
// read; its path fills the field. Shown only where the host takes uploads (the browser UI).
import { useId, useState, type DragEvent } from 'react';
import { useI18n } from '../i18n/i18n.tsx';
import { MAX_UPLOAD_MB, tooLargeToUpload, type LdifUploader } from '../api/ldif-upload.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'sending'; name: string }
  | { kind: 'done'; name: string; path: string }
  | { kind: 'failed'; text: string; detail?: string };

export function LdifPicker({ uploader, onUploaded, disabled }: { uploader: LdifUploader; onUploaded(path: string): void; disabled?: boolean }) {
  const { t, language } = useI18n();
  const id = useId();
  const [state, setState] = useState<State>({ kind: 'idle' });
  const [over, setOver] = useState(false);

  const send = async (file: File | undefined) => {
    if (file === undefined || disabled === true) return;
    if (tooLargeToUpload(file)) {
      setState({ kind: 'failed', text: t.scan.ldifPick.tooLarge(file.name, MAX_UPLOAD_MB) });
      return;
    }
    setState({ kind: 'sending', name: file.name });
    try {
      const upload = await uploader.uploadLdif(file, file.name);
      setState({ kind: 'done', name: file.name, path: upload.file });
      onUploaded(upload.file);
    } catch (error) {
      setState({ kind: 'failed', text: t.scan.ldifPick.failed(file.name), detail: error instanceof Error ? error.message : String(error) });
    }
  };

  const onDrop = (e: DragEvent<HTMLDivElement>) => {
    e.preventDefault();
    setOver(false);
    void send(e.dataTransfer.files[0]);
  };

  return (
    <div
      className={`ldif-drop${over ? ' ldif-drop-over' : ''}`} data-testid="ldif-drop"
      onDragOver={(e) => { e.preventDefault(); setOver(true); }} onDragLeave={() => setOver(false)} onDrop={onDrop}
    >
      <p className="ldif-drop-line">
        <span>{t.scan.ldifPick.drop}</span>{' '}
        <label className="button-secondary ldif-choose" htmlFor={id}>{t.scan.ldifPick.choose}</label>
        <input
          id={id} type="file" className="visually-hidden" accept=".ldif,.txt,text/plain,application/octet-stream" disabled={disabled}
          aria-describedby={`${id}-hint`} onChange={(e) => { void send(e.target.files?.[0]); e.target.value = ''; }}
        />
      </p>
      <p className="hint" id={`${id}-hint`}>{t.scan.ldifPick.hint(MAX_UPLOAD_MB.toLocaleString(language === 'fr' ? 'fr-FR' : 'en-GB'))}</p>
      {state.kind === 'sending' && <p role="status" className="hint">{t.scan.ldifPick.sending(state.name)}</p>}
      {state.kind === 'done' && <p role="status" className="alert alert-ok" data-testid="ldif-uploaded">{t.scan.ldifPick.done(state.name)}</p>}
      {state.kind === 'failed' && (
        <div role="alert" className="alert alert-error">
          <p>{state.text}</p>
          {state.detail !== undefined && <details className="alert-detail"><summary>{t.errorDetail}</summary><code>{state.detail}</code></details>}
        </div>
      )}
    </div>
  );
}
