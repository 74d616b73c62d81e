// An LDIF export given to the browser UI by a file picker or a drop (issue #13 §7). A page cannot learn a file's
// path, so the loopback host receives its bytes (`POST /upload/ldif`, the launch token as a bearer) and keeps a copy
// in the app's data folder, readable by its owner only, whose path the form then scans like any typed one.

/** The largest export the host keeps: a big académie's LDIF is tens of megabytes; the reader streams any size. */
export const MAX_LDIF_UPLOAD_BYTES = 512 * 1024 * 1024;

/** Where the host's upload answers. The file's name goes in `?name=` (a display name only: the host picks the path). */
export const LDIF_UPLOAD_PATH = '/upload/ldif';

export interface LdifUpload {
  /** The copy's full path on the host, for the scan form. */
  file: string;
  bytes: number;
}
