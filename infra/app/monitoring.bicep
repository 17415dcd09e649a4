// Log Analytics + workspace-based Application Insights. Local (key) authentication is off: the function
// app sends telemetry with its managed identity (Monitoring Metrics Publisher). The request log line the
// app writes (method, route template, status, ms, role — never a body, name, person ID or key) lands
// in the `traces` table.
param workspaceName string
param appInsightsName string
param location string
param tags object
param retentionInDays int
@description('Principal that may publish telemetry (the function app\'s identity).')
param publisherPrincipalId string

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: workspaceName
  location: location
  tags: tags
  properties: {
    sku: { name: 'PerGB2018' }
    retentionInDays: retentionInDays
    features: { enableLogAccessUsingOnlyResourcePermissions: true }
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: appInsightsName
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: true
  }
}

var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource publisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, publisherPrincipalId, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    principalId: publisherPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
  }
}

output name string = appInsights.name
// A connection string holds an instrumentation key, which is an identifier, not a secret: with local
// authentication off, ingestion needs the managed identity's Entra token.
output connectionString string = appInsights.properties.ConnectionString
