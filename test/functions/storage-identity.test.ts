// In Azure the function app reaches its tables with its managed identity: no connection string and no
// account key. These tests check which target the settings choose, and that the identity path really
// sends a bearer token (never a SharedKey signature) to the account's table endpoint, over real HTTPS.
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ManagedIdentityCredential, DefaultAzureCredential, type AccessToken, type TokenCredential } from '@azure/identity';
import { getCertificate } from '@vitejs/plugin-basic-ssl';
import { describe, expect, it } from 'vitest';
import { storageTarget } from '../../functions/src/storage/connection';
import { createStorage } from '../../functions/src/storage/tables';

describe('which storage the settings choose', () => {
  it('an account name (as Bicep sets it) means the managed identity on https://<account>.table.core.windows.net', () => {
    const t = storageTarget({ AzureWebJobsStorage__accountName: 'stbosspoabc123', AzureWebJobsStorage__clientId: '0b1c2d3e-aaaa-bbbb-cccc-111122223333' });
    expect(t.kind).toBe('identity');
    if (t.kind !== 'identity') return;
    expect(t.tableEndpoint).toBe('https://stbosspoabc123.table.core.windows.net');
    expect(t.clientId).toBe('0b1c2d3e-aaaa-bbbb-cccc-111122223333');
    expect(t.credential).toBeInstanceOf(ManagedIdentityCredential);
  });

  it('without a client ID the default credential chain is used (a developer signed in with az login)', () => {
    const t = storageTarget({ AzureWebJobsStorage__accountName: 'stbosspoabc123' });
    expect(t.kind === 'identity' && t.credential).toBeInstanceOf(DefaultAzureCredential);
  });

  it('a connection string wins (Azurite locally), and nothing at all means Azurite\'s defaults', () => {
    expect(storageTarget({ BOSSPO_STORAGE: 'UseDevelopmentStorage=true', AzureWebJobsStorage__accountName: 'x12' })).toEqual({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });
    expect(storageTarget({})).toEqual({ kind: 'connectionString', connectionString: 'UseDevelopmentStorage=true' });
  });

  it('refuses an account name that cannot be one', () => {
    expect(() => storageTarget({ AzureWebJobsStorage__accountName: 'Not An Account' })).toThrow(/not a storage account name/);
  });
});

describe('the identity path on the wire', () => {
  it('creates its table with a bearer token for https://storage.azure.com, never a shared key', async () => {
    const pem = await getCertificate(mkdtempSync(join(tmpdir(), 'cert-')));
    const seen: { method: string; url: string; authorization: string }[] = [];
    const server = createServer({ key: pem, cert: pem }, (req, res) => {
      seen.push({ method: req.method ?? '', url: req.url ?? '', authorization: String(req.headers.authorization ?? '') });
      req.resume();
      req.on('end', () => {
        res.writeHead(201, { 'content-type': 'application/json;odata=nometadata' });
        res.end(JSON.stringify({ TableName: 'bossponeeds' }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const scopes: string[] = [];
    const credential: TokenCredential = {
      async getToken(scope): Promise<AccessToken> {
        scopes.push(...(Array.isArray(scope) ? scope : [scope]));
        return { token: 'fake-managed-identity-token', expiresOnTimestamp: Date.now() + 3_600_000 };
      },
    };
    const previous = process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0'; // the test server's certificate is self-signed
    try {
      const endpoint = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const storage = createStorage({ kind: 'identity', tableEndpoint: endpoint, credential, clientId: null }, 'bosspo');
      await storage.table('needs');
    } finally {
      if (previous === undefined) delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
      else process.env.NODE_TLS_REJECT_UNAUTHORIZED = previous;
      server.closeAllConnections();
      server.close();
    }
    expect(seen.length).toBeGreaterThan(0);
    expect(seen[0]).toMatchObject({ method: 'POST', authorization: 'Bearer fake-managed-identity-token' });
    expect(seen[0]!.url).toMatch(/^\/Tables/);
    expect(seen.some((r) => /SharedKey/i.test(r.authorization))).toBe(false);
    expect(scopes).toContain('https://storage.azure.com/.default');
  });
});
