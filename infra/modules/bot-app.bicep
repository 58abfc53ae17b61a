// The bot: botbuilder's CloudAdapter on restify (Node 20) in App Service. It reads the bot-outbox queue
// and calls the API with an app token; Bot Framework credentials come from Key Vault.

param resourceBaseName string

param location string

param planId string

param identityId string
param identityClientId string

param secretReferences object

param applicationInsightsConnectionString string

param botAadAppClientId string
param tenantId string

param apiEndpoint string

@description('The API\'s Application ID URI; the bot asks for "<uri>/.default" with client credentials.')
param apiAppIdUri string

param webEndpoint string

@description('Command App Service runs after deployment; the deploy step stages dist/ and package.json.')
param startupCommand string = 'node dist/main.js'

var appName = 'bot-${resourceBaseName}'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identityId}': {}
    }
  }
  properties: {
    serverFarmId: planId
    httpsOnly: true
    keyVaultReferenceIdentity: identityId
    siteConfig: {
      linuxFxVersion: 'NODE|20-lts'
      appCommandLine: startupCommand
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: [
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'SCM_DO_BUILD_DURING_DEPLOYMENT', value: 'false' }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        // Names read by botbuilder's ConfigurationBotFrameworkAuthentication.
        { name: 'MicrosoftAppType', value: 'SingleTenant' }
        { name: 'MicrosoftAppId', value: botAadAppClientId }
        { name: 'MicrosoftAppPassword', value: secretReferences.botAppPassword }
        { name: 'MicrosoftAppTenantId', value: tenantId }
        // The bot's own settings (bot/src/settings.ts): its app, Entra, the Teams channel and storage.
        { name: 'TANDEM_BOT_PORT', value: '8080' }
        { name: 'WEBSITES_PORT', value: '8080' }
        { name: 'TANDEM_BOT_APP_ID', value: botAadAppClientId }
        { name: 'TANDEM_BOT_APP_SECRET', value: secretReferences.botAppPassword }
        { name: 'TANDEM_BOT_TENANT_ID', value: tenantId }
        { name: 'TANDEM_AUTH_AUTHORITY', value: environment().authentication.loginEndpoint }
        { name: 'TANDEM_BOT_CHANNEL_OPENID_URL', value: 'https://login.botframework.com/v1/.well-known/openidconfiguration' }
        { name: 'TANDEM_BOT_SERVICE_URL', value: 'https://smba.trafficmanager.net/teams/' }
        { name: 'TANDEM_STORAGE_CONNECTION_STRING', value: secretReferences.storageConnectionString }
        { name: 'TANDEM_TENANT_ID', value: tenantId }
        { name: 'TANDEM_API_BASE_URL', value: apiEndpoint }
        { name: 'TANDEM_API_APP_ID_URI', value: apiAppIdUri }
        { name: 'TANDEM_PUBLIC_BASE_URL', value: webEndpoint }
      ]
    }
  }
}

output id string = site.id
output host string = site.properties.defaultHostName
output endpoint string = 'https://${site.properties.defaultHostName}'
