// The Flex Consumption plan and the Function App. By default the app is a .NET isolated worker (runtime
// `dotnet-isolated`): the Functions host starts the worker and forwards every request to its one catch-all function.
// As a custom handler (runtime `custom`) the host starts the Native AOT executable named in host.json and proxies
// every request to it. Flex takes the runtime from functionAppConfig.runtime (not FUNCTIONS_WORKER_RUNTIME) and the
// code from a zip in a blob container (not WEBSITE_RUN_FROM_PACKAGE), so neither setting appears here.

@description('Name of the Function App (globally unique: it becomes <name>.azurewebsites.net).')
param name string

@description('Name of the Flex Consumption plan.')
param planName string

@description('isolatedWorker (the .NET isolated worker) or customHandler (the Native AOT custom handler); it must match the deployed package.')
@allowed([
  'isolatedWorker'
  'customHandler'
])
param hostingMode string

@description('Azure region.')
param location string

@description('Tags applied to the plan and the app.')
param tags object

@description('Name of the user-assigned identity the app runs as.')
param identityName string

@description('Name of the storage account (host storage, deployment package, response cache).')
param storageAccountName string

@description('Blob container holding the deployment package.')
param deploymentContainerName string

@description('Blob container holding the response cache\'s entries.')
param cacheContainerName string

@description('Name of the Application Insights component.')
param appInsightsName string

@description('Largest number of instances the app scales out to.')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int

@description('Memory of each instance, in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int

@description('Instances kept running (billed) to remove cold starts, e.g. [{ name: \'http\', instanceCount: 1 }].')
param alwaysReady alwaysReadyInstances

@description('Secret that on-demand revalidation requests must present (app setting Cache__RevalidateSecret).')
@secure()
param revalidateSecret string

@description('Whether Front Door fronts the app: only requests through the profile below are admitted, responses carry the CDN cache-header profile, and revalidation purges the endpoint.')
param frontDoorEnabled bool

@description('Name of the Front Door profile (used when frontDoorEnabled).')
param frontDoorProfileName string

@description('Name of the Front Door endpoint the app purges (used when frontDoorEnabled).')
param frontDoorEndpointName string

@description('Longest time, in seconds, Front Door may keep a response before asking the app again (app setting Cache__Cdn__MaxSharedAge).')
@minValue(1)
param frontDoorMaxSharedAge int

@export()
@description('Instances kept ready for a group of functions (\'http\' for every HTTP function) or one function (\'function:routes\').')
type alwaysReadyInstances = {
  @description('\'http\', or \'function:<name>\'.')
  name: string

  @description('Number of instances kept ready.')
  @minValue(0)
  instanceCount: int
}[]

// The Flex Consumption runtime of each hosting mode. Bicep accepts any string in functionAppConfig.runtime and a
// wrong name fails only at deployment, so tests/Infra.Tests checks these.
var runtimes = {
  isolatedWorker: {
    name: 'dotnet-isolated'
    version: '10.0'
  }
  customHandler: {
    name: 'custom'
    version: '1.0'
  }
}

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2024-11-30' existing = {
  name: identityName
}

resource storage 'Microsoft.Storage/storageAccounts@2025-06-01' existing = {
  name: storageAccountName
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' existing = {
  name: appInsightsName
}

resource frontDoor 'Microsoft.Cdn/profiles@2025-06-01' existing = if (frontDoorEnabled) {
  name: frontDoorProfileName
}

resource plan 'Microsoft.Web/serverfarms@2025-03-01' = {
  name: planName
  location: location
  tags: tags
  kind: 'functionapp'
  sku: {
    name: 'FC1'
    tier: 'FlexConsumption'
  }
  properties: {
    // Linux: Flex Consumption has no Windows workers.
    reserved: true
  }
}

resource app 'Microsoft.Web/sites@2025-03-01' = {
  name: name
  location: location
  tags: tags
  kind: 'functionapp,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    // Key Vault references in app settings (the production home of Cache__RevalidateSecret) resolve as this identity.
    keyVaultReferenceIdentity: identity.id
    siteConfig: {
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      // Behind Front Door, only its back end with this profile's id gets in (a request straight to
      // *.azurewebsites.net, or through someone else's Front Door, is refused with 403). Deployment goes through the
      // scm site, which keeps its own, open, rules.
      ipSecurityRestrictionsDefaultAction: frontDoorEnabled ? 'Deny' : 'Allow'
      ipSecurityRestrictions: frontDoorEnabled
        ? [
            {
              name: 'front-door'
              priority: 100
              action: 'Allow'
              tag: 'ServiceTag'
              ipAddress: 'AzureFrontDoor.Backend'
              headers: {
                'x-azure-fdid': [
                  frontDoor!.properties.frontDoorId
                ]
              }
            }
          ]
        : []
      scmIpSecurityRestrictionsUseMain: false
      appSettings: [
        // Host storage through the managed identity: no connection string, no account key.
        {
          name: 'AzureWebJobsStorage__accountName'
          value: storage.name
        }
        {
          name: 'AzureWebJobsStorage__credential'
          value: 'managedidentity'
        }
        {
          name: 'AzureWebJobsStorage__clientId'
          value: identity.properties.clientId
        }
        // Telemetry with Entra ID authentication (the component has local auth disabled). The connection string
        // holds the instrumentation key, which identifies the component but grants nothing without a token.
        {
          name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
          value: appInsights.properties.ConnectionString
        }
        {
          name: 'APPLICATIONINSIGHTS_AUTHENTICATION_STRING'
          value: 'ClientId=${identity.properties.clientId};Authorization=AAD'
        }
        // Lets DefaultAzureCredential in the app pick the user-assigned identity.
        {
          name: 'AZURE_CLIENT_ID'
          value: identity.properties.clientId
        }
        // Keeps the host's default page from answering in place of the app.
        {
          name: 'AzureWebJobsDisableHomepage'
          value: 'true'
        }
        // The response cache (see docs/configuration.md and docs/caching.md).
        {
          name: 'Cache__Store'
          value: 'AzureBlob'
        }
        {
          name: 'Cache__AzureBlob__ServiceUri'
          value: storage.properties.primaryEndpoints.blob
        }
        {
          name: 'Cache__AzureBlob__Container'
          value: cacheContainerName
        }
        {
          name: 'Cache__RevalidateSecret'
          value: revalidateSecret
        }
        // Behind Front Door (docs/cdn.md): the cache-header profile a CDN reads correctly, and the endpoint that
        // RevalidatePath and RevalidateTag purge. With it off, Enabled is False and the endpoint empty.
        {
          name: 'Cache__Cdn__Enabled'
          value: string(frontDoorEnabled)
        }
        {
          name: 'Cache__Cdn__MaxSharedAge'
          value: string(frontDoorMaxSharedAge)
        }
        {
          name: 'Cache__Cdn__FrontDoor__EndpointResourceId'
          value: frontDoorEnabled ? resourceId('Microsoft.Cdn/profiles/afdEndpoints', frontDoorProfileName, frontDoorEndpointName) : ''
        }
      ]
    }
    functionAppConfig: {
      deployment: {
        storage: {
          type: 'blobContainer'
          value: '${storage.properties.primaryEndpoints.blob}${deploymentContainerName}'
          authentication: {
            type: 'UserAssignedIdentity'
            userAssignedIdentityResourceId: identity.id
          }
        }
      }
      scaleAndConcurrency: {
        maximumInstanceCount: maximumInstanceCount
        instanceMemoryMB: instanceMemoryMB
        alwaysReady: alwaysReady
      }
      runtime: runtimes[hostingMode]
    }
  }
}

@description('Name of the Function App.')
output name string = app.name

@description('Host name of the app, e.g. <name>.azurewebsites.net.')
output defaultHostName string = app.properties.defaultHostName
