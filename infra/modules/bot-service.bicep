// Azure Bot registration: points Bot Framework at the bot's /api/messages and enables the Teams channel.

param resourceBaseName string

param displayName string

param botAadAppClientId string

param tenantId string

@description('Host name of the bot\'s App Service.')
param botHost string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: 'bot-${resourceBaseName}'
  location: 'global'
  kind: 'azurebot'
  sku: {
    name: 'F0'
  }
  properties: {
    displayName: displayName
    endpoint: 'https://${botHost}/api/messages'
    msaAppId: botAadAppClientId
    msaAppType: 'SingleTenant'
    msaAppTenantId: tenantId
  }
}

resource teamsChannel 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
