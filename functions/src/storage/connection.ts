// Where the tables live and how the app signs in to them. In Azure: the storage account by name,
// reached with the function app's managed identity (no key anywhere: `AzureWebJobsStorage__accountName`
// and, for a user-assigned identity, `AzureWebJobsStorage__clientId` — the settings the Functions host
// itself uses for the same account). Locally: a connection string (Azurite).
import { DefaultAzureCredential, ManagedIdentityCredential, type TokenCredential } from '@azure/identity';

export type StorageTarget =
  | { kind: 'connectionString'; connectionString: string }
  | { kind: 'identity'; tableEndpoint: string; credential: TokenCredential; clientId: string | null };

const ACCOUNT_NAME = /^[a-z0-9]{3,24}$/;

/** The storage connection: BOSSPO_STORAGE, else AzureWebJobsStorage, else Azurite's defaults. */
export function connectionString(env: Record<string, string | undefined>): string {
  return env.BOSSPO_STORAGE || env.AzureWebJobsStorage || 'UseDevelopmentStorage=true';
}

/**
 * A connection string wins (local use, Azurite); otherwise an account name means the managed identity.
 * `AzureWebJobsStorage__tableServiceUri` overrides the endpoint (sovereign clouds, private DNS).
 */
export function storageTarget(env: Record<string, string | undefined>): StorageTarget {
  const account = env.AzureWebJobsStorage__accountName?.trim();
  if (env.BOSSPO_STORAGE || env.AzureWebJobsStorage || !account) return { kind: 'connectionString', connectionString: connectionString(env) };
  if (!ACCOUNT_NAME.test(account)) throw new Error(`AzureWebJobsStorage__accountName "${account}" is not a storage account name`);
  const tableEndpoint = (env.AzureWebJobsStorage__tableServiceUri?.trim() || `https://${account}.table.core.windows.net`).replace(/\/+$/, '');
  const clientId = env.AzureWebJobsStorage__clientId?.trim() || null;
  const credential = clientId ? new ManagedIdentityCredential({ clientId }) : new DefaultAzureCredential();
  return { kind: 'identity', tableEndpoint, credential, clientId };
}
