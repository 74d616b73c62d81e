// A directory finding's sentence in a language (issue #14 §2): the report carries its code and parameters, the
// catalogues (messages-fr.ts, messages-en.ts) say it. « Un compte ordinaire (uid=eleve,…) peut lire les empreintes… ».
import type { DirectoryFinding, FindingParams } from './report.ts';
import type { DirectoryDetailParams } from './messages.ts';
import { REPORT_MESSAGES, shapeLabel, type MessageLanguage } from './pattern-labels.ts';

const text = (v: FindingParams[string] | undefined): string | undefined => (typeof v === 'string' ? v : undefined);
const number = (v: FindingParams[string] | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

/** What the finding's sentence may say, from its fields and `params`. */
export function directoryDetailParams(f: DirectoryFinding, lang: MessageLanguage): DirectoryDetailParams {
  const p = f.params ?? {};
  const policies = p.policies;
  return {
    dn: text(p.dn) ?? '',
    policies: Array.isArray(policies) ? policies : [],
    minLength: number(p.minLength) ?? 0,
    scheme: text(p.scheme),
    argon2Loaded: p.argon2Loaded === true,
    frontendDn: text(p.frontendDn) ?? '',
    ppolicyDn: text(p.ppolicyDn),
    accounts: f.accounts ?? number(p.accounts) ?? 0,
    sourceKind: p.sourceKind === 'ldif' ? 'ldif' : 'ldap',
    profile: f.profile ?? 'unknown',
    percent: number(p.percent) ?? Math.round((f.share ?? 0) * 100),
    shape: f.shape !== undefined ? shapeLabel(f.shape, lang) : '',
  };
}

/** What is wrong and what fixes it, in one sentence. */
export function directoryDetail(f: DirectoryFinding, lang: MessageLanguage): string {
  return REPORT_MESSAGES[lang].directoryDetails[f.code](directoryDetailParams(f, lang));
}
