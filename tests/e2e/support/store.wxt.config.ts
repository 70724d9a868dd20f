/**
 * The store build (mode "production") into a private folder, for the real-browser tests of what
 * only the store build does (closed shadow roots); never races a developer's `npm run build`.
 */
import { defineConfig } from 'wxt';
import base from '../../../wxt.config';

export default defineConfig({ ...base, outDir: '.output/e2e-store' });
