/**
 * `npm run team-server -- --port P --data DIR [--redis URL] [--host H] [--name SHOP] [--new-owner-code]`
 * Starts the team server and prints where it listens and, on first start, the owner's join code.
 * Stops cleanly (storing every document) on SIGINT/SIGTERM.
 */
import { parseArgs } from 'node:util';
import { formatCode } from '../../core/team/protocol';
import { startTeamServer } from './server';

const USAGE =
  'usage: npm run team-server -- --port P --data DIR [--redis redis://host:port] [--host 127.0.0.1] [--name "My shop"] [--new-owner-code]';

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

let args: ReturnType<typeof parse>;
function parse() {
  return parseArgs({
    options: {
      port: { type: 'string' },
      data: { type: 'string' },
      redis: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      name: { type: 'string', default: 'My shop' },
      'new-owner-code': { type: 'boolean', default: false },
    },
  }).values;
}
try {
  args = parse();
} catch (e) {
  fail(e instanceof Error ? e.message : String(e));
}
const port = Number(args.port);
if (args.port === undefined || !Number.isInteger(port) || port < 0 || port > 65535)
  fail('--port must be a port number (0 picks a free one)');
if (!args.data) fail('--data must name the folder for the team database');

const running = await startTeamServer({
  port,
  host: args.host,
  dataDir: args.data,
  teamName: args.name,
  redisUrl: args.redis,
  newOwnerCode: args['new-owner-code'],
}).catch((e: unknown) => fail(`The team server could not start: ${e instanceof Error ? e.message : e}`));

// Tests and scripts read these lines; keep their wording stable.
console.log(`team server listening on ws://${args.host}:${running.port} (team ${running.teamId})`);
if (running.ownerCode) console.log(`owner join code: ${formatCode(running.ownerCode)}`);
else if (!running.ownerJoined)
  console.log('the owner has not joined yet; restart with --new-owner-code for a fresh owner join code');

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    running.stop().then(
      () => process.exit(0),
      (e: unknown) => {
        console.error('stopping failed:', e);
        process.exit(1);
      },
    );
  });
