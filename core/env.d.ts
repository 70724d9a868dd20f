// Vite sets `import.meta.env.MODE` (the `--mode` of the build, "test" under vitest); WXT's
// generated types declare only its own keys, so the one Buyer Tiers reads is declared here.
interface ImportMetaEnv {
  readonly MODE: string;
}
