// Application Insights (workspace-based) for the API and the bot: one place for traces, failures and
// the sync health numbers the API logs.

@description('Prefix of every resource name.')
param resourceBaseName string

param location string

@description('Days to keep logs.')
param retentionInDays int = 30

resource workspace 'Microsoft.OperationalInsights/workspaces@2023-09-01' = {
  name: 'log-${resourceBaseName}'
  location: location
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: retentionInDays
  }
}

resource insights 'Microsoft.Insights/components@2020-02-02' = {
  name: 'appi-${resourceBaseName}'
  location: location
  kind: 'web'
  properties: {
    Application_Type: 'web'
    WorkspaceResourceId: workspace.id
    DisableLocalAuth: false
  }
}

output name string = insights.name
output connectionString string = insights.properties.ConnectionString
