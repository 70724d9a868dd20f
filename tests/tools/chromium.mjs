// Finds Debian's Chromium, installing it when missing and we are root (CI, fresh machines).
import { ensureDebianProgram } from './debian.mjs';

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function ensureChromium() {
  return ensureDebianProgram(CHROMIUM, 'chromium');
}
