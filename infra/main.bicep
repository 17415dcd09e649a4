// Boss po staff check on Azure: `azd up` provisions everything below into one resource group and
// deploys the function app (dist/api) and the task pane (dist/site). Names and structure follow
// Azure-Samples/functions-quickstart-typescript-azd (Flex Consumption, user-assigned identity, no keys).
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; used for the resource group and a short unique token in every name.')
param environmentName string

@minLength(1)
@description('Region of the function app, storage and monitoring (must offer Flex Consumption, e.g. westeurope).')
@metadata({ azd: { type: 'location' } })
param location string

@description('Region of the Static Web App that hosts the task pane (Static Web Apps exist in a few regions only).')
@allowed(['westeurope', 'centralus', 'eastus2', 'westus2', 'eastasia'])
param staticWebAppLocation string = 'westeurope'

@description('Grant tenant-wide consent for the task pane to call the API (needs a Cloud Application Administrator or higher). When false, each user consents on first sign-in.')
param grantAdminConsent bool = true

@description('Node.js version of the function app (Functions runtime 4).')
@allowed(['20', '22'])
param nodeVersion string = '22'

@description('Display name of the Entra ID app registration users see when they sign in.')
param appDisplayName string = 'Boss po controle'

@description('Days the request log is kept in Log Analytics.')
@minValue(30)
@maxValue(730)
param logRetentionDays int = 30

var abbrs = loadJsonContent('abbreviations.json')
var boards = loadJsonContent('boards.json').boards
var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }

resource rg 'Microsoft.Resources/resourceGroups@2024-03-01' = {
  name: '${abbrs.resourcesResourceGroups}${environmentName}'
  location: location
  tags: tags
}

module identity 'app/identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: '${abbrs.managedIdentityUserAssignedIdentities}api-${resourceToken}'
    location: location
    tags: tags
  }
}

module monitoring 'app/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    workspaceName: '${abbrs.operationalInsightsWorkspaces}${resourceToken}'
    appInsightsName: '${abbrs.insightsComponents}${resourceToken}'
    location: location
    tags: tags
    retentionInDays: logRetentionDays
    publisherPrincipalId: identity.outputs.principalId
  }
}

module storage 'app/storage.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: '${abbrs.storageStorageAccounts}${resourceToken}'
    location: location
    tags: tags
    deploymentContainerName: 'app-package-${resourceToken}'
    dataPrincipalId: identity.outputs.principalId
  }
}

module web 'app/web.bicep' = {
  name: 'web'
  scope: rg
  params: {
    name: '${abbrs.webStaticSites}${resourceToken}'
    location: staticWebAppLocation
    tags: union(tags, { 'azd-service-name': 'web' })
  }
}

module entra 'app/entra.bicep' = {
  name: 'entra'
  scope: rg
  params: {
    uniqueName: 'bosspo-${environmentName}-${resourceToken}'
    displayName: appDisplayName
    paneHost: web.outputs.hostName
    panePath: panePath
    boards: boards
    grantAdminConsent: grantAdminConsent
  }
}

// The task pane is served from a sub-path of the Static Web App; the manifest and redirect URIs use it.
var panePath = '/addin'

module api 'app/api.bicep' = {
  name: 'api'
  scope: rg
  params: {
    name: '${abbrs.webSitesFunctions}api-${resourceToken}'
    planName: '${abbrs.webServerFarms}${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'api' })
    nodeVersion: nodeVersion
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    storageAccountName: storage.outputs.name
    deploymentContainerUrl: storage.outputs.deploymentContainerUrl
    appInsightsConnectionString: monitoring.outputs.connectionString
    tablePrefix: storage.outputs.tablePrefix
    boardNames: map(boards, b => b.name)
    tenantId: tenant().tenantId
    apiClientId: entra.outputs.appId
    paneOrigin: 'https://${web.outputs.hostName}'
  }
}

// Read by the azd hooks (scripts/azd-hooks.ts) and printed by azd; no secrets here.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output SERVICE_API_NAME string = api.outputs.name
output SERVICE_API_URI string = api.outputs.uri
output SERVICE_WEB_NAME string = web.outputs.name
output SERVICE_WEB_URI string = 'https://${web.outputs.hostName}'
output BOSSPO_PANE_URL string = 'https://${web.outputs.hostName}${panePath}'
output BOSSPO_AUTH_CLIENT_ID string = entra.outputs.appId
output BOSSPO_AUTH_AUTHORITY string = '${environment().authentication.loginEndpoint}${tenant().tenantId}'
output BOSSPO_API_SCOPE string = 'api://${entra.outputs.appId}/${entra.outputs.scope}'
