// Tandem's data: Azure Tables (pages, bookings, locks, busy cache, subscriptions, delta state) and
// Queues (graph-notifications, bot-outbox). Also the Functions host's own storage.

param resourceBaseName string

param location string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param skuName string = 'Standard_LRS'

@description('Queues the API and the bot exchange work through.')
param queueNames array = [
  'graph-notifications'
  'bot-outbox'
]

// Storage account names: 3–24 lowercase letters and digits, globally unique.
var accountName = take('st${toLower(replace(resourceBaseName, '-', ''))}data', 24)

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queueService 'Microsoft.Storage/storageAccounts/queueServices@2023-05-01' = {
  parent: account
  name: 'default'
}

resource queues 'Microsoft.Storage/storageAccounts/queueServices/queues@2023-05-01' = [
  for queueName in queueNames: {
    parent: queueService
    name: queueName
  }
]

output name string = account.name
output id string = account.id
