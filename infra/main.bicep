// Tandem on Azure: the API (Functions), the bot (App Service + Azure Bot with the Teams channel), the
// front end (Storage static website), data (Tables + Queues), secrets (Key Vault) and monitoring
// (Application Insights). teamsapp.yml deploys this with main.parameters.json; every output below is
// written to env/.env.<env> under the same name.

@minLength(4)
@maxLength(16)
@description('Prefix of every resource name, e.g. "tandemdev1a2b3c"; letters and digits keep storage names valid.')
param resourceBaseName string

param location string = resourceGroup().location

@description('Client id of the API\'s Entra app (SSO for the tab and task pane, on-behalf-of to Graph).')
param aadAppClientId string

@secure()
param aadAppClientSecret string

@description('Tenant the Entra apps were registered in.')
param aadAppTenantId string

param aadAppOauthAuthorityHost string = 'https://login.microsoftonline.com'

@description('Comma-separated tenant ids allowed to sign in; empty means the home tenant only.')
param allowedTenantIds string = ''

param graphBaseUrl string = 'https://graph.microsoft.com'

@description('Client id of the bot\'s Entra app (Bot Framework identity).')
param botAadAppClientId string

@secure()
param botAadAppClientSecret string

param botDisplayName string = 'Tandem'

@secure()
@description('Encrypts hosts\' refresh tokens at rest. Generated once per environment; never rotate without re-consent.')
param tokenEncryptionKey string

@secure()
@description('Signs invitees\' manage links. Rotating it invalidates links already sent.')
param manageLinkSigningKey string

param appServicePlanSku string = 'B1'

param storageSku string = 'Standard_LRS'

module monitoring 'modules/monitoring.bicep' = {
  name: 'tandem-monitoring'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

module identity 'modules/identity.bicep' = {
  name: 'tandem-identity'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

module data 'modules/storage.bicep' = {
  name: 'tandem-data'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    skuName: storageSku
  }
}

module web 'modules/web-storage.bicep' = {
  name: 'tandem-web'
  params: {
    resourceBaseName: resourceBaseName
    location: location
  }
}

module keyVault 'modules/key-vault.bicep' = {
  name: 'tandem-key-vault'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    readerPrincipalId: identity.outputs.principalId
    dataStorageAccountName: data.outputs.name
    aadAppClientSecret: aadAppClientSecret
    botAadAppClientSecret: botAadAppClientSecret
    tokenEncryptionKey: tokenEncryptionKey
    manageLinkSigningKey: manageLinkSigningKey
  }
}

module plan 'modules/app-service-plan.bicep' = {
  name: 'tandem-plan'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    skuName: appServicePlanSku
  }
}

module api 'modules/function-app.bicep' = {
  name: 'tandem-api'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    secretReferences: keyVault.outputs.references
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    aadAppClientId: aadAppClientId
    aadAppTenantId: aadAppTenantId
    aadAppOauthAuthorityHost: aadAppOauthAuthorityHost
    allowedTenantIds: allowedTenantIds
    graphBaseUrl: graphBaseUrl
    webEndpoint: web.outputs.endpoint
    webHost: web.outputs.host
    botAadAppClientId: botAadAppClientId
  }
}

module botApp 'modules/bot-app.bicep' = {
  name: 'tandem-bot-app'
  params: {
    resourceBaseName: resourceBaseName
    location: location
    planId: plan.outputs.id
    identityId: identity.outputs.id
    identityClientId: identity.outputs.clientId
    secretReferences: keyVault.outputs.references
    applicationInsightsConnectionString: monitoring.outputs.connectionString
    botAadAppClientId: botAadAppClientId
    tenantId: aadAppTenantId
    apiEndpoint: api.outputs.endpoint
    apiAppIdUri: 'api://${web.outputs.host}/${aadAppClientId}'
    webEndpoint: web.outputs.endpoint
  }
}

module botService 'modules/bot-service.bicep' = {
  name: 'tandem-bot-service'
  params: {
    resourceBaseName: resourceBaseName
    displayName: botDisplayName
    botAadAppClientId: botAadAppClientId
    tenantId: aadAppTenantId
    botHost: botApp.outputs.host
  }
}

// Front end: the tab, task pane and booking pages; the manifest's ${{TAB_ENDPOINT}} and ${{TAB_DOMAIN}}.
output TAB_DOMAIN string = web.outputs.host
output TAB_ENDPOINT string = web.outputs.endpoint
output TAB_AZURE_STORAGE_RESOURCE_ID string = web.outputs.id
// API (Functions).
output API_DOMAIN string = api.outputs.host
output API_ENDPOINT string = api.outputs.endpoint
output API_FUNCTION_RESOURCE_ID string = api.outputs.id
// Bot.
output BOT_DOMAIN string = botApp.outputs.host
output BOT_ENDPOINT string = botApp.outputs.endpoint
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = botApp.outputs.id
output BOT_SERVICE_NAME string = botService.outputs.name
// Operations.
output KEY_VAULT_NAME string = keyVault.outputs.name
output APPLICATION_INSIGHTS_NAME string = monitoring.outputs.name
