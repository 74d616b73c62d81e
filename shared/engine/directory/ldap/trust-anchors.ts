// Which certificate authorities the LDAP client trusts: Node's public roots, plus the school's own CA file.
import { readFile } from 'node:fs/promises';
import { rootCertificates } from 'node:tls';
import { LdapError } from './ldap-error.ts';

/** undefined = Node's defaults. A CA file adds to the public roots, never replaces the check. */
export async function trustAnchors(caFile: string | undefined): Promise<string[] | undefined> {
  if (caFile === undefined) return undefined;
  let pem: string;
  try {
    pem = await readFile(caFile, 'utf8');
  } catch (error) {
    const code = (error as { code?: string }).code ?? 'unreadable';
    throw new LdapError('bad-option', `Cannot read the CA file ${caFile} (${code}).`, 'give the path of a PEM certificate file.', { cause: error, code: 'CA_FILE_UNREADABLE', params: { file: caFile } });
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new LdapError('bad-option', `The CA file ${caFile} holds no PEM certificate.`,
      'give a file that starts with -----BEGIN CERTIFICATE----- (convert DER with: openssl x509 -inform der -in CA.cer -out CA.pem).', { code: 'CA_FILE_NO_CERTIFICATE', params: { file: caFile } });
  }
  return [...rootCertificates, pem];
}
