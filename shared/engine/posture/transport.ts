// Directory findings about how Vigie reached the directory: the same road every application's bind takes. Codes only:
// the message catalogues (shared/contract/messages.ts) say them.
import type { DirectoryFinding } from '../../contract/report.ts';

export interface TransportFacts {
  transport: 'ldaps' | 'starttls' | 'none';
  tlsVerified: boolean;
}

export function transportFindings(facts: TransportFacts): DirectoryFinding[] {
  if (facts.transport === 'none') {
    return [{
      code: 'NO_TLS',
      severity: 'high',
    }];
  }
  if (!facts.tlsVerified) {
    return [{
      code: 'TLS_CERTIFICATE_NOT_VERIFIED',
      severity: 'medium',
    }];
  }
  return [];
}
