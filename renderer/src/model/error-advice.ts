// What to do about a failure, beyond what its sentence says: one piece of plain advice a school's IT person can act
// on, chosen by the error's code (error-message.ts maps each code to its kind, and each kind to its advice).

export type ErrorAdvice = 'credentials' | 'network' | 'certificate' | 'file' | 'baseDn' | 'generic';
