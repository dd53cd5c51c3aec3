// Everything the app needs in one resource group: a user-assigned identity, a storage account reachable only with
// Entra ID, Log Analytics + Application Insights (Entra ID ingestion only), a Flex Consumption plan and the
// Function App (a .NET isolated worker, or the Native AOT custom handler), and least-privilege role assignments for
// the identity.
// Deploy: see docs/deploying.md. No secret or account key appears in this template or its outputs.

import { alwaysReadyInstances } from 'modules/functionApp.bicep'

@description('How the app is built and run; it must match the package you deploy. isolatedWorker (default): the .NET isolated worker (runtime dotnet-isolated 10.0), from deploy/publish.sh. customHandler: the Native AOT custom handler (runtime custom), from deploy/publish.sh --custom-handler; the fastest cold start.')
@allowed([
  'isolatedWorker'
  'customHandler'
])
param hostingMode string = 'isolatedWorker'

@description('Azure region of every resource. Defaults to the resource group\'s region; it must offer Flex Consumption.')
param location string = resourceGroup().location

@description('Name of the Function App (globally unique: it becomes <name>.azurewebsites.net).')
@minLength(2)
@maxLength(60)
param appName string = 'func-${uniqueString(resourceGroup().id)}'

@description('Name of the storage account (3-24 lowercase letters and digits, globally unique).')
@minLength(3)
@maxLength(24)
param storageAccountName string = 'st${uniqueString(resourceGroup().id, appName)}'

@description('Redundancy of the storage account.')
@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
  'Standard_RAGRS'
  'Standard_GZRS'
  'Standard_RAGZRS'
])
param storageSkuName string = 'Standard_LRS'

@description('Blob container the deployment package (the zip from deploy/publish.sh) is uploaded to.')
@minLength(3)
@maxLength(63)
param deploymentContainerName string = 'app-package'

@description('Blob container holding the response cache\'s entries (app setting Cache__AzureBlob__Container).')
@minLength(3)
@maxLength(63)
param cacheContainerName string = 'isr-cache'

@description('Largest number of instances the app scales out to (Flex Consumption allows up to 1000).')
@minValue(1)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Memory of each instance, in MB.')
@allowed([
  2048
  4096
])
param instanceMemoryMB int = 2048

@description('Instances kept running to remove cold starts; each is billed while idle. [] scales to zero. Example: [{ name: \'http\', instanceCount: 1 }].')
param alwaysReady alwaysReadyInstances = []

@description('Days Log Analytics keeps logs.')
@minValue(30)
@maxValue(730)
param logRetentionInDays int = 30

@description('Secret that on-demand revalidation requests must present (app setting Cache__RevalidateSecret). Pass it at deployment; never commit it.')
@secure()
@minLength(16)
param revalidateSecret string

@description('Put Azure Front Door Standard in front of the app: a profile, an endpoint and a route to the app; the app admits only that profile\'s traffic, sends cache headers Front Door reads correctly, and purges the endpoint when routes are revalidated (docs/cdn.md).')
param frontDoorEnabled bool = false

@description('Name of the Front Door profile (with frontDoorEnabled).')
@minLength(1)
@maxLength(260)
param frontDoorProfileName string = 'afd-${appName}'

@description('Name of the Front Door endpoint; its host name is <name>-<hash>.z01.azurefd.net (with frontDoorEnabled).')
@minLength(2)
@maxLength(46)
param frontDoorEndpointName string = take(appName, 46)

@description('Longest time, in seconds, Front Door keeps a response before asking the app again; also how long an edge can lag behind a revalidation whose purge has not reached it (with frontDoorEnabled).')
@minValue(1)
@maxValue(31536000)
param frontDoorMaxSharedAge int = 300

@description('Tags applied to every resource.')
param tags object = {}

// Names known when the deployment starts, so that What-If can predict every resource (module outputs would make it
// short-circuit); modules that reference these resources therefore wait for them with explicit dependsOn.
var identityName = 'id-${appName}'
var workspaceName = 'log-${appName}'
var appInsightsName = 'appi-${appName}'
var planName = 'plan-${appName}'

module identity 'modules/identity.bicep' = {
  params: {
    name: identityName
    location: location
    tags: tags
  }
}

module storage 'modules/storage.bicep' = {
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSkuName
    deploymentContainerName: deploymentContainerName
    cacheContainerName: cacheContainerName
  }
}

module monitoring 'modules/monitoring.bicep' = {
  params: {
    workspaceName: workspaceName
    appInsightsName: appInsightsName
    location: location
    tags: tags
    retentionInDays: logRetentionInDays
  }
}

module roles 'modules/roleAssignments.bicep' = {
  params: {
    identityName: identityName
    storageAccountName: storageAccountName
    appInsightsName: appInsightsName
  }
  dependsOn: [
    identity
    storage
    monitoring
  ]
}

module frontDoorProfile 'modules/frontDoorProfile.bicep' = if (frontDoorEnabled) {
  params: {
    name: frontDoorProfileName
    tags: tags
  }
}

module functionApp 'modules/functionApp.bicep' = {
  params: {
    name: appName
    planName: planName
    hostingMode: hostingMode
    location: location
    tags: tags
    identityName: identityName
    storageAccountName: storageAccountName
    deploymentContainerName: deploymentContainerName
    cacheContainerName: cacheContainerName
    appInsightsName: appInsightsName
    maximumInstanceCount: maximumInstanceCount
    instanceMemoryMB: instanceMemoryMB
    alwaysReady: alwaysReady
    revalidateSecret: revalidateSecret
    frontDoorEnabled: frontDoorEnabled
    frontDoorProfileName: frontDoorProfileName
    frontDoorEndpointName: frontDoorEndpointName
    frontDoorMaxSharedAge: frontDoorMaxSharedAge
  }
  // The host reads its storage and loads the deployment package as the identity from its first start, so the
  // identity's roles are granted before the app is created.
  dependsOn: [
    identity
    storage
    monitoring
    roles
    frontDoorProfile
  ]
}

module frontDoor 'modules/frontDoor.bicep' = if (frontDoorEnabled) {
  params: {
    profileName: frontDoorProfileName
    endpointName: frontDoorEndpointName
    appName: appName
    identityName: identityName
    tags: tags
  }
  dependsOn: [
    frontDoorProfile
    functionApp
  ]
}

@description('The app\'s public URL: the Front Door endpoint with frontDoorEnabled, the app\'s own host name otherwise.')
output appUrl string = frontDoorEnabled ? 'https://${frontDoor!.outputs.hostName}' : 'https://${functionApp.outputs.defaultHostName}'

@description('Name of the Function App: the -n of `az functionapp deployment source config-zip`.')
output appName string = functionApp.outputs.name

@description('Blob container Flex Consumption deploys the package from.')
output deploymentContainerName string = storage.outputs.deploymentContainerName

@description('Name of the storage account.')
output storageAccountName string = storage.outputs.name

@description('Object id of the app\'s managed identity, for granting it further roles (e.g. Key Vault Secrets User).')
output identityPrincipalId string = identity.outputs.principalId
