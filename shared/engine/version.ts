// Vigie's version, as written in reports. Kept in step with package.json by a test.
export const VIGIE_VERSION = '0.1.0';
