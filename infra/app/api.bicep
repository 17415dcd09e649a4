// The function app on the Flex Consumption plan (Linux, Node.js, Functions runtime 4) with its
// user-assigned identity; app settings without a key or connection string; App Service Authentication
// with Entra ID that lets unauthenticated requests through (the app answers 401/403 as problem+json and
// checks the token itself as well); CORS for the task pane's origin only.
param name string
param planName string
param location string
param tags object
@allowed(['20', '22'])
param nodeVersion string
param identityId string
param identityClientId string
param storageAccountName string
param deploymentContainerUrl string
param appInsightsConnectionString string
param tablePrefix string
@description('Names of the boards whose missing need the pabo sees (BOSSPO_BOARDS).')
param boardNames array
param tenantId string
@description('Application (client) ID of the Entra app registration (the token audience).')
param apiClientId string
@description('Origin of the task pane, the only origin CORS admits.')
param paneOrigin string
@description('Upper bound on instances; a few hundred users need very few.')
param maximumInstanceCount int = 40

resource plan 'Microsoft.Web/serverfarms@2024-04-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: { name: 'FC1', tier: 'FlexConsumption' }
  properties: { reserved: true }
}

resource site 'Microsoft.Web/sites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: { '${identityId}': {} }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      http20Enabled: true
      cors: {
        allowedOrigins: [paneOrigin]
        supportCredentials: false
      }
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: deploymentContainerUrl
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identityId
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: 2048
      }
      runtime: {
        name: 'node'
        version: nodeVersion
      }
    }
  }

  resource appSettings 'config' = {
    name: 'appsettings'
    properties: {
      // The host's storage and the product's tables, by the managed identity (no keys).
      AzureWebJobsStorage__accountName: storageAccountName
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identityClientId
      // Telemetry with Entra ID authentication (local auth is off on Application Insights).
      APPLICATIONINSIGHTS_CONNECTION_STRING: appInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identityClientId};Authorization=AAD'
      // The product.
      BOSSPO_TABLE_PREFIX: tablePrefix
      BOSSPO_BOARDS: string(boardNames)
      BOSSPO_AUTH_TENANT_ID: tenantId
      BOSSPO_AUTH_CLIENT_ID: apiClientId
      // Node.js arguments of the worker (functions/src/node-arguments.ts, one definition): a young
      // generation sized for the garbage of an evaluate request. The setting is documented in the Node.js
      // developer guide (learn.microsoft.com/azure/azure-functions/functions-reference-node, "Worker
      // environment variables"), which warns that with custom arguments the runtime starts a fresh worker
      // instead of a pre-warmed one: a slower cold start. Only a real deployment shows its effect.
      languageWorkers__node__arguments: '--max-semi-space-size=64'
    }
  }

  resource auth 'config' = {
    name: 'authsettingsV2'
    properties: {
      platform: { enabled: true }
      globalValidation: {
        requireAuthentication: false
        unauthenticatedClientAction: 'AllowAnonymous'
      }
      httpSettings: { requireHttps: true }
      identityProviders: {
        azureActiveDirectory: {
          enabled: true
          registration: {
            clientId: apiClientId
            openIdIssuer: '${environment().authentication.loginEndpoint}${tenantId}/v2.0'
          }
          validation: {
            allowedAudiences: [apiClientId, 'api://${apiClientId}']
          }
        }
      }
      login: { tokenStore: { enabled: false } }
    }
  }

  // Deployment goes through Entra ID (azd); basic publishing credentials stay off.
  resource ftp 'basicPublishingCredentialsPolicies' = {
    name: 'ftp'
    properties: { allow: false }
  }
  resource scm 'basicPublishingCredentialsPolicies' = {
    name: 'scm'
    properties: { allow: false }
  }
}

output name string = site.name
output uri string = 'https://${site.properties.defaultHostName}'
