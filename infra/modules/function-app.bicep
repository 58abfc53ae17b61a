// The API: an Azure Functions app (Node 20, ESM, v4 programming model). Secrets arrive as Key Vault
// references; everything else is plain configuration the API reads as TANDEM_* settings.

param resourceBaseName string

param location string

param planId string

@description('Resource id and client id of the user-assigned identity that may read Key Vault secrets.')
param identityId string
param identityClientId string

@description('Key Vault references from the key-vault module.')
param secretReferences object

param applicationInsightsConnectionString string

@description('Entra app (SSO + on-behalf-of) of the API.')
param aadAppClientId string
param aadAppTenantId string
param aadAppOauthAuthorityHost string

@description('Comma-separated tenant ids whose users may sign in; empty means the home tenant only.')
param allowedTenantIds string

param graphBaseUrl string

@description('Origin of the front end (tab, task pane, booking pages), e.g. https://host.')
param webEndpoint string

@description('Host of the front end; the API\'s Application ID URI is api://<host>/<client id>.')
param webHost string

param botAadAppClientId string

var appName = 'func-${resourceBaseName}'
var apiEndpoint = 'https://${appName}.azurewebsites.net'

resource site 'Microsoft.Web/sites@2023-12-01' = {
  name: appName
  location: location
  kind: 'functionapp,linux'
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
      linuxFxVersion: 'Node|20'
      alwaysOn: true
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      cors: {
        allowedOrigins: [
          webEndpoint
        ]
        supportCredentials: false
      }
      appSettings: [
        { name: 'FUNCTIONS_EXTENSION_VERSION', value: '~4' }
        { name: 'FUNCTIONS_WORKER_RUNTIME', value: 'node' }
        { name: 'WEBSITE_RUN_FROM_PACKAGE', value: '1' }
        { name: 'AzureWebJobsStorage', value: secretReferences.storageConnectionString }
        { name: 'AZURE_CLIENT_ID', value: identityClientId }
        { name: 'APPLICATIONINSIGHTS_CONNECTION_STRING', value: applicationInsightsConnectionString }
        { name: 'TANDEM_STORAGE_CONNECTION_STRING', value: secretReferences.storageConnectionString }
        { name: 'TANDEM_TENANT_ID', value: aadAppTenantId }
        { name: 'TANDEM_ALLOWED_TENANTS', value: empty(allowedTenantIds) ? aadAppTenantId : allowedTenantIds }
        { name: 'TANDEM_API_CLIENT_ID', value: aadAppClientId }
        { name: 'TANDEM_API_CLIENT_SECRET', value: secretReferences.aadAppClientSecret }
        { name: 'TANDEM_AUTH_AUTHORITY', value: aadAppOauthAuthorityHost }
        { name: 'TANDEM_API_APP_ID_URI', value: 'api://${webHost}/${aadAppClientId}' }
        { name: 'TANDEM_GRAPH_URL', value: graphBaseUrl }
        { name: 'TANDEM_PUBLIC_BASE_URL', value: webEndpoint }
        { name: 'TANDEM_API_BASE_URL', value: apiEndpoint }
        { name: 'TANDEM_BOT_APP_ID', value: botAadAppClientId }
        { name: 'TANDEM_TOKEN_ENCRYPTION_KEY', value: secretReferences.tokenEncryptionKey }
        { name: 'TANDEM_MANAGE_LINK_SIGNING_KEY', value: secretReferences.manageLinkSigningKey }
      ]
    }
  }
}

output id string = site.id
output host string = site.properties.defaultHostName
output endpoint string = 'https://${site.properties.defaultHostName}'
