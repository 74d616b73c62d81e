// The policy both hosts send with the renderer's page: only its own files, only its own origin, no plugins,
// no framing, no <base> tricks, no form posts. Electron's app://vigie/ and the loopback http://127.0.0.1:PORT
// are each the page's 'self'.
export const RENDERER_CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "frame-src 'none'",
  "worker-src 'none'",
].join('; ');
