// The Azure Front Door Standard profile. It is created before the Function App because the app's access restriction
// admits only requests that carry this profile's id (X-Azure-FDID); the endpoint, origin and route that point at the
// app come after it, in frontDoor.bicep.

@description('Name of the Front Door profile.')
param name string

@description('Tags applied to the profile.')
param tags object

resource profile 'Microsoft.Cdn/profiles@2025-06-01' = {
  name: name
  // Front Door is a global service: its profiles have no region.
  location: 'global'
  tags: tags
  sku: {
    name: 'Standard_AzureFrontDoor'
  }
  properties: {
    originResponseTimeoutSeconds: 60
  }
}
