// Azurite for tests: a child process on a free port (in memory, or persisted with `location`),
// stopped by its PID in afterAll. Other suites (e2e) reuse this.
export { freePort, startAzurite, tableConnectionString, type AzuriteHandle, type AzuriteOptions } from '../../scripts/azurite';
