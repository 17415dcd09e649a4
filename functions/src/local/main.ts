// Process entry of the local host (npm run start:api without Core Tools, and the tests): listens on
// PORT (default 7071; 0 = any free port), prints one JSON line {"listening": url}, then one log line
// per request; stops on SIGINT/SIGTERM.
import { ConfigError } from '../auth/keys';
import { DEFAULT_PORT, startLocalHost } from './host';

const port = process.env.PORT === undefined || process.env.PORT === '' ? DEFAULT_PORT : Number(process.env.PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number, not ${process.env.PORT}`);
  process.exit(2);
}

try {
  const host = await startLocalHost({ port });
  console.log(JSON.stringify({ listening: host.url }));
  const stop = () => {
    host.close().then(() => process.exit(0));
    setTimeout(() => process.exit(0), 3_000).unref();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (e) {
  if (e instanceof ConfigError) console.error(e.message);
  else if ((e as { code?: string }).code === 'EADDRINUSE') console.error(`Port ${port} is already in use; set PORT to another port.`);
  else console.error(`The local host could not start: ${(e as Error).message}`);
  process.exit(2);
}
