// Directory findings about how Vigie reached the directory: the same road every application's bind takes.
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
      detail: "La connexion à l'annuaire n'est pas chiffrée : mots de passe et empreintes circulent en clair sur le réseau. Activez LDAPS (port 636) ou StartTLS et refusez les connexions non chiffrées (olcSecurity: tls=1).",
    }];
  }
  if (!facts.tlsVerified) {
    return [{
      code: 'TLS_CERTIFICATE_NOT_VERIFIED',
      severity: 'medium',
      detail: "Le certificat de l'annuaire n'a pas été vérifié : une machine du réseau pourrait se faire passer pour lui. Installez un certificat signé par une autorité reconnue des postes clients.",
    }];
  }
  return [];
}
