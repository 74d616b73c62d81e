// What to do about a failed scan or connection test, chosen from the engine's one-line message. The message
// itself is shown too: this only adds the advice a school's IT person can act on.

export type ErrorAdvice = 'credentials' | 'network' | 'certificate' | 'file' | 'baseDn' | 'generic';

const RULES: readonly (readonly [RegExp, ErrorAdvice])[] = [
  [/invalid credentials|wrong dn or password|refused the bind|bind/i, 'credentials'],
  [/certificate|self[- ]signed|\bca\b|tls/i, 'certificate'],
  [/base dn|no such object|does not exist on/i, 'baseDn'],
  [/ldif|no such file|enoent|not a file|line \d+/i, 'file'],
  [/refused|unreachable|unknown host|resolve|no answer|timed? ?out|econn|ehost|enotfound|network|port/i, 'network'],
];

export function adviceFor(message: string): ErrorAdvice {
  for (const [pattern, advice] of RULES) if (pattern.test(message)) return advice;
  return 'generic';
}
