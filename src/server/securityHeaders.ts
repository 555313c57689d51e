import helmet from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * The pages that use the camera, on this device only: the posture check, and the guided session (today's, or one
 * movement at /session/:exerciseId), which may watch your form. The web app's router loads these as whole pages
 * (src/contract/cameraPages.ts), since a document keeps the policy it was served with.
 */
export { isCameraPage } from '../contract/cameraPages';

/**
 * Browser features the app may use: the camera, only on the pages that use it (`camera: true`), and keeping the
 * screen awake during a guided session. Everything else is off, for this page and any frame.
 */
export function permissionsPolicy({ camera }: { camera: boolean }): string {
  return [
    camera ? 'camera=(self)' : 'camera=()',
    'screen-wake-lock=(self)',
    ...['accelerometer', 'autoplay', 'display-capture', 'fullscreen', 'geolocation', 'gyroscope', 'hid', 'magnetometer', 'microphone', 'midi', 'payment', 'publickey-credentials-get', 'serial', 'usb', 'xr-spatial-tracking'].map((f) => `${f}=()`),
  ].join(', ');
}
export const PERMISSIONS_POLICY = permissionsPolicy({ camera: false });

/**
 * The security headers of every reply, worked out once at start-up: the same for every request, so nothing is
 * rebuilt per request. Helmet's own middleware computes the values; we only keep what it sets.
 */
export function securityHeaders({ https }: { https: boolean }): Record<string, string> {
  const middleware = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        // The pose model's runtime is WebAssembly, compiled in the page's worker: only that, no eval of scripts.
        scriptSrc: ["'self'", "'wasm-unsafe-eval'"],
        styleSrc: ["'self'"],
        styleSrcAttr: ["'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'blob:'],
        connectSrc: ["'self'"],
        workerSrc: ["'self'"],
        manifestSrc: ["'self'"],
        fontSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
    // HSTS only when the site is served over HTTPS; on plain HTTP it would only confuse a local install.
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
  });
  const headers: Record<string, string> = {};
  const recorder = {
    setHeader(name: string, value: string) {
      headers[name.toLowerCase()] = value;
    },
    removeHeader(name: string) {
      delete headers[name.toLowerCase()];
    },
  };
  middleware({} as IncomingMessage, recorder as unknown as ServerResponse, (error?: unknown) => {
    if (error) throw error;
  });
  headers['permissions-policy'] = PERMISSIONS_POLICY;
  return headers;
}

/**
 * The headers of a reply from the API, /healthz and /readyz: JSON about one person at one moment, never a page. A
 * policy that allows nothing at all (should the JSON be opened as a document, it can load, run and frame nothing, so
 * no feature policy is needed), HTTPS only when the pages are, no sniffing it into something else, no reading it from another site, no caching.
 * Fewer and shorter than a page's headers: every request to the API sends them.
 */
export function apiSecurityHeaders(pageHeaders: Record<string, string>): Record<string, string> {
  const hsts = pageHeaders['strict-transport-security'];
  return {
    'content-security-policy': "default-src 'none'; frame-ancestors 'none'",
    'cross-origin-resource-policy': 'same-origin',
    'referrer-policy': 'no-referrer',
    'x-content-type-options': 'nosniff',
    'x-frame-options': 'DENY',
    'cache-control': 'no-store',
    ...(hsts ? { 'strict-transport-security': hsts } : {}),
  };
}
