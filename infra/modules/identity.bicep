// The user-assigned managed identity the Function App runs as. It is created before the app, so its role
// assignments exist (and have had time to propagate) when the Functions host first starts.

@description('Name of the managed identity.')
param name string

@description('Azure region.')
param location string

@description('Tags applied to the identity.')
param tags object

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' = {
  name: name
  location: location
  tags: tags
}

@description('Resource id, for attaching the identity to the app and to the deployment storage.')
output id string = identity.id

@description('Name of the identity.')
output name string = identity.name

@description('Object id of the identity\'s service principal, the principal of its role assignments.')
output principalId string = identity.properties.principalId

@description('Client id: what AzureWebJobsStorage__clientId, AZURE_CLIENT_ID and the Application Insights authentication string name.')
output clientId string = identity.properties.clientId
