/**
 * The app's pages that may use the camera (on this device only): the posture check, and the guided session —
 * today's at /session, or one movement at /session/:exerciseId — which may watch your form. The server allows the
 * camera in their Permissions-Policy and nowhere else; since a document keeps the policy it was served with, the
 * web app loads these as whole pages when it crosses into or out of them.
 */
export function isCameraPage(path: string): boolean {
  return path === '/posture' || path === '/session' || /^\/session\/[a-z0-9-]{1,80}$/.test(path);
}
