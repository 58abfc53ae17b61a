// One Linux App Service plan hosts the API (Functions on a dedicated plan) and the bot.
// A dedicated plan needs no Azure Files content share, so no storage key ever sits in an app setting,
// and Always On keeps the timer (subscription renewal) and queue (notifications, outbox) triggers warm.
// Scale out with the plan's autoscale rules (queue length of graph-notifications), or move the API to
// its own plan when one tenant's load calls for it.

param resourceBaseName string

param location string

@description('B1 is enough for a small organisation; P1v3 or above for production (zone redundancy, more memory).')
param skuName string = 'B1'

resource plan 'Microsoft.Web/serverfarms@2023-12-01' = {
  name: 'asp-${resourceBaseName}'
  location: location
  kind: 'linux'
  sku: {
    name: skuName
  }
  properties: {
    reserved: true
  }
}

output id string = plan.id
