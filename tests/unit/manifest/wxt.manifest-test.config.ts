/**
 * The project's WXT config, built into a private output folder (inside the ignored `.output/`)
 * so the manifest test never races a developer's or the e2e suite's build of `.output/chrome-mv3`.
 */
import { defineConfig } from 'wxt';
import base from '../../../wxt.config';

export default defineConfig({ ...base, outDir: '.output/manifest-test' });
