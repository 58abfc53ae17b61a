// The front end (Teams tab, Outlook task pane, public booking and manage pages) is static files, served
// from this account's static website ($web container). A separate account from the data: deploying the
// web files needs write access to it, and that access must not reach the bookings.

param resourceBaseName string

param location string

var accountName = take('st${toLower(replace(resourceBaseName, '-', ''))}web', 24)

resource account 'Microsoft.Storage/storageAccounts@2023-05-01' = {
  name: accountName
  location: location
  kind: 'StorageV2'
  sku: {
    name: 'Standard_LRS'
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    accessTier: 'Hot'
  }
}

// primaryEndpoints.web is "https://<account>.z<n>.web.core.windows.net/".
var webHost = replace(replace(account.properties.primaryEndpoints.web, 'https://', ''), '/', '')

output id string = account.id
output name string = account.name
output host string = webHost
output endpoint string = 'https://${webHost}'
