// Finds a program from Debian's packages, installing the package when it is missing and we are
// root (CI, fresh machines), so `npm start` and `npm test` stay the only two commands.
import { execSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export function ensureDebianProgram(path, pkg) {
  if (existsSync(path)) return path;
  const install = `apt-get update && apt-get install -y ${pkg}`;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot) {
    console.error(`${path} is missing. Install it with:\n  sudo sh -c '${install}'`);
    process.exit(1);
  }
  console.log(`${path} is missing; installing it (${install}) …`);
  execSync(install, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  if (!existsSync(path)) {
    console.error(`${pkg} could not be installed; see the apt output above.`);
    process.exit(1);
  }
  return path;
}
