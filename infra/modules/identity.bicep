// One user-assigned identity for the API and the bot. It exists (and is granted Key Vault access)
// before either app is created, so Key Vault references in their app settings resolve on the very
// first start instead of failing until the next restart.

param resourceBaseName string

param location string

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: 'id-${resourceBaseName}'
  location: location
}

output id string = identity.id
output principalId string = identity.properties.principalId
output clientId string = identity.properties.clientId
