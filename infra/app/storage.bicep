// One storage account for the function app's host, its deployment package and the product's tables.
// Shared-key access is off: everything reaches it with Entra ID (the managed identity) by role.
param name string
param location string
param tags object
param deploymentContainerName string
@description('Principal that reads and writes the data (the function app\'s identity).')
param dataPrincipalId string

@description('Prefix of the product\'s tables (the app setting BOSSPO_TABLE_PREFIX).')
param tablePrefix string = 'bosspo'

@description('Redundancy: zone-redundant by default, so one data-centre failure loses no table data.')
@allowed(['Standard_LRS', 'Standard_ZRS', 'Standard_GRS', 'Standard_GZRS'])
param skuName string = 'Standard_ZRS'

// The tables the function app uses (functions/src/storage/tables.ts TABLES, with the prefix). The app
// also creates them when missing; declaring them here makes them part of the template.
var tableNames = ['needs', 'register', 'registerboards']

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: { name: skuName }
  properties: {
    accessTier: 'Hot'
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
    allowCrossTenantReplication: false
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    publicNetworkAccess: 'Enabled'
    networkAcls: { defaultAction: 'Allow', bypass: 'AzureServices' }
  }

  resource blobs 'blobServices' = {
    name: 'default'
    properties: {
      deleteRetentionPolicy: { enabled: true, days: 7 }
      containerDeleteRetentionPolicy: { enabled: true, days: 7 }
    }
    resource deployment 'containers' = {
      name: deploymentContainerName
      properties: { publicAccess: 'None' }
    }
  }

  resource tableService 'tableServices' = {
    name: 'default'
    resource table 'tables' = [for t in tableNames: {
      name: '${tablePrefix}${t}'
    }]
  }
}

var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var storageQueueDataContributor = '974c5e8b-45b9-4653-ba55-5f855dd0fb88'

// Blob Data Owner: the host's own blobs and the deployment package. Queue Data Contributor: the host's
// internal queues. Table Data Contributor: the product's tables.
resource dataRoles 'Microsoft.Authorization/roleAssignments@2022-04-01' = [for role in [storageBlobDataOwner, storageQueueDataContributor, storageTableDataContributor]: {
  name: guid(account.id, dataPrincipalId, role)
  scope: account
  properties: {
    principalId: dataPrincipalId
    principalType: 'ServicePrincipal'
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', role)
  }
}]

output name string = account.name
output tablePrefix string = tablePrefix
output deploymentContainerUrl string = '${account.properties.primaryEndpoints.blob}${deploymentContainerName}'
