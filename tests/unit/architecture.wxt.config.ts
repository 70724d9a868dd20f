/**
 * The store build (mode "production") into a private output folder, for the architecture test's
 * look at the content-script bundle; never races the manifest test's or a developer's build.
 */
import { defineConfig } from 'wxt';
import base from '../../wxt.config';

export default defineConfig({ ...base, outDir: '.output/architecture-test' });
