// Least-privilege roles for the app's user-assigned identity, each scoped to the one resource it is needed on.
// principalType is set so that Azure does not look the new identity up in Entra ID first (which can fail while
// the identity is still replicating). Assignment names derive from the scope, the identity's resource id and the
// role: all known when the deployment starts, so What-If can show them and redeploying changes nothing.

@description('Name of the user-assigned identity that receives the roles.')
param identityName string

@description('Name of the storage account (host storage, deployment package, response cache).')
param storageAccountName string

@description('Name of the Application Insights component.')
param appInsightsName string

// Built-in role definition ids (the same in every tenant).
var storageBlobDataOwner = 'b7e6dc6d-f1e8-4753-8033-0f276bb0955b'
var storageTableDataContributor = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'
var monitoringMetricsPublisher = '3913510d-42f4-4e42-8a64-420c390055eb'

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

// Storage Blob Data Owner on the account. Needed for: the Functions host's own blobs (AzureWebJobsStorage: host
// locks and keys); the deployment container, where Flex Consumption stores the zip you deploy and from which
// every instance loads it, authenticating as this identity (functionAppConfig.deployment.storage); and the
// response cache's blobs (entries, tag state, lease locks). Owner rather than Contributor because identity-based
// AzureWebJobsStorage is documented with Owner (the host manages container-level state); the cache alone would
// work with Contributor, and holding both would be redundant.
resource blobDataOwner 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageBlobDataOwner)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageBlobDataOwner)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Storage Table Data Contributor on the account. The app itself uses no tables; the Functions host writes its
// diagnostic events (AzureFunctionsDiagnosticEvents) to a table in AzureWebJobsStorage, and without this role
// those events, which the portal's diagnostics read, are lost.
resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(storage.id, identity.id, storageTableDataContributor)
  scope: storage
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributor)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}

// Monitoring Metrics Publisher on the Application Insights component. Needed because the component has local
// authentication disabled: the host sends telemetry with an Entra ID token of this identity
// (APPLICATIONINSIGHTS_AUTHENTICATION_STRING), and ingestion accepts it only with this role.
resource metricsPublisher 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(appInsights.id, identity.id, monitoringMetricsPublisher)
  scope: appInsights
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', monitoringMetricsPublisher)
    principalId: identity.properties.principalId
    principalType: 'ServicePrincipal'
  }
}
