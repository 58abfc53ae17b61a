// Every secret Tandem's services use lives here; app settings only hold Key Vault references
// ("@Microsoft.KeyVault(VaultName=…;SecretName=…)"), resolved by the platform with the apps' identity.

param resourceBaseName string

param location string

@description('Object id of the identity the API and the bot run as; it may read secrets, nothing else.')
param readerPrincipalId string

@description('Name of the data storage account whose connection string is kept as a secret.')
param dataStorageAccountName string

@secure()
param aadAppClientSecret string

@secure()
param botAadAppClientSecret string

@secure()
@description('Encrypts the hosts\' refresh tokens at rest (base64, 32 bytes).')
param tokenEncryptionKey string

@secure()
@description('Signs invitees\' manage links (base64, 32 bytes or more).')
param manageLinkSigningKey string

var vaultName = take('kv-${resourceBaseName}', 24)
// Built-in role "Key Vault Secrets User": read secret values.
var secretsUserRoleId = '4633458b-17de-408a-b874-0445c86b69e6'

resource dataStorage 'Microsoft.Storage/storageAccounts@2023-05-01' existing = {
  name: dataStorageAccountName
}

resource vault 'Microsoft.KeyVault/vaults@2023-07-01' = {
  name: vaultName
  location: location
  properties: {
    tenantId: subscription().tenantId
    sku: {
      family: 'A'
      name: 'standard'
    }
    enableRbacAuthorization: true
    enableSoftDelete: true
    softDeleteRetentionInDays: 7
    publicNetworkAccess: 'Enabled'
  }
}

// Loop over a fixed list of names: a for-expression must be known when the deployment starts, so
// the storage key (read at run time with listKeys) gets its own resource below.
var parameterSecrets = [
  {
    name: 'aad-app-client-secret'
    value: aadAppClientSecret
  }
  {
    name: 'bot-app-password'
    value: botAadAppClientSecret
  }
  {
    name: 'token-encryption-key'
    value: tokenEncryptionKey
  }
  {
    name: 'manage-link-signing-key'
    value: manageLinkSigningKey
  }
]

resource secrets 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = [
  for secret in parameterSecrets: {
    parent: vault
    name: secret.name
    properties: {
      value: secret.value
      contentType: 'text/plain'
    }
  }
]

resource storageConnectionString 'Microsoft.KeyVault/vaults/secrets@2023-07-01' = {
  parent: vault
  name: 'storage-connection-string'
  properties: {
    value: 'DefaultEndpointsProtocol=https;AccountName=${dataStorage.name};AccountKey=${dataStorage.listKeys().keys[0].value};EndpointSuffix=${environment().suffixes.storage}'
    contentType: 'text/plain'
  }
}

resource readerRole 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  scope: vault
  name: guid(vault.id, readerPrincipalId, secretsUserRoleId)
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', secretsUserRoleId)
    principalId: readerPrincipalId
    principalType: 'ServicePrincipal'
  }
}

// Referenced only after the secrets and the role assignment exist (modules that use this output
// depend on this whole module), so the apps resolve them on first start.
output name string = vault.name
output references object = {
  aadAppClientSecret: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=aad-app-client-secret)'
  botAppPassword: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=bot-app-password)'
  tokenEncryptionKey: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=token-encryption-key)'
  manageLinkSigningKey: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=manage-link-signing-key)'
  storageConnectionString: '@Microsoft.KeyVault(VaultName=${vault.name};SecretName=storage-connection-string)'
}
