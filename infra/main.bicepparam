// Example parameters. Deploy with (see docs/deploying.md):
//   az deployment group create -g <rg> -f infra/main.bicep -p infra/main.bicepparam -p revalidateSecret=<secret>
using 'main.bicep'

// Never commit the secret. It comes from `-p revalidateSecret=<secret>` on the az command line (Azure CLI 2.54 or
// later; it overrides only parameters this file assigns, hence this line) or from the REVALIDATE_SECRET environment
// variable. With neither, compiling this file fails (BCP427); main.bicep also requires at least 16 characters.
param revalidateSecret = readEnvironmentVariable('REVALIDATE_SECRET')

param appName = 'func-routehandlers-demo'
// 'isolatedWorker' (deploy/publish.sh) or 'customHandler' (deploy/publish.sh --custom-handler, Native AOT).
param hostingMode = 'isolatedWorker'
param maximumInstanceCount = 40
param instanceMemoryMB = 2048
// [] scales to zero when idle; [{ name: 'http', instanceCount: 1 }] keeps one instance warm (billed while idle).
param alwaysReady = []
param cacheContainerName = 'isr-cache'
// true puts Azure Front Door Standard in front of the app and locks the app to it (docs/cdn.md).
param frontDoorEnabled = false
param tags = {
  app: 'route-handlers'
}
