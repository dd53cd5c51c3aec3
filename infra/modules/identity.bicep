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

@description('Object id of the identity\'s service principal, for granting it further roles (e.g. on a Key Vault).')
output principalId string = identity.properties.principalId
