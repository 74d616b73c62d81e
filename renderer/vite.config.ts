// Builds the page that both hosts serve: Electron under app://vigie/ and the loopback host under http://127.0.0.1.
// Run from the repo root as `vite build renderer`: renderer/ is the root, the output goes to dist/renderer/.
// Relative asset paths (base './') keep one build valid under both hosts.
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

// The built page only loads its own files and talks to its own origin. Dev mode injects inline scripts, so the
// policy is added to the built page only; the hosts may send a stricter header of their own.
const CONTENT_SECURITY_POLICY = [
  "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data: blob:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'none'", "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'vigie-content-security-policy',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head' },
    ],
  };
}

export default defineConfig({
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    // No data: URLs for assets, so the policy above holds.
    assetsInlineLimit: 0,
  },
});
