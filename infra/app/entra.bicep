// The Entra ID app registration of the API and the task pane (one app: the pane asks a token for the
// API's own scope), with the Microsoft Graph Bicep extension: an app role per board (`board:<code>`
// from infra/boards.json, generated from shared/plan/boards.ts) plus `pabo` and `stuurgroep`, the scope
// `access_as_user`, and the pane's SPA redirect URIs — `brk-multihub://<host>` for nested app
// authentication and the pane's own sign-in page for the Office-dialog fallback. The Application ID URI
// (`api://<appId>`) cannot name the app's own ID here; the postprovision hook sets it, idempotently.
extension microsoftGraphV1

param uniqueName string
param displayName string
@description('Host of the task pane (Static Web App default host name).')
param paneHost string
@description('Path of the task pane on that host, e.g. /addin.')
param panePath string
@description('The board table: [{ name, code, role }].')
param boards array
param grantAdminConsent bool

var scope = 'access_as_user'

var boardRoles = [for b in boards: {
  id: guid(uniqueName, 'role', b.role)
  value: b.role
  displayName: 'Bestuur ${b.name}'
  description: 'HR van bestuur ${b.name}: controle en scholingsbehoefte van dit bestuur.'
  allowedMemberTypes: ['User']
  isEnabled: true
}]

var otherRoles = [
  {
    id: guid(uniqueName, 'role', 'pabo')
    value: 'pabo'
    displayName: 'Pabo en Stagebureau'
    description: 'Pabo-onderwijsmanagement en Stagebureau: trainersvraag, centraal register, overzicht.'
    allowedMemberTypes: ['User']
    isEnabled: true
  }
  {
    id: guid(uniqueName, 'role', 'stuurgroep')
    value: 'stuurgroep'
    displayName: 'Stuurgroep'
    description: 'Stuurgroep van de opleidingsschool: het overzicht.'
    allowedMemberTypes: ['User']
    isEnabled: true
  }
]

resource app 'Microsoft.Graph/applications@v1.0' = {
  uniqueName: uniqueName
  displayName: displayName
  signInAudience: 'AzureADMyOrg'
  api: {
    requestedAccessTokenVersion: 2
    oauth2PermissionScopes: [
      {
        id: guid(uniqueName, 'scope', scope)
        value: scope
        type: 'User'
        isEnabled: true
        adminConsentDisplayName: 'Boss po controle gebruiken'
        adminConsentDescription: 'Laat de Boss po-invoegtoepassing namens de aangemelde gebruiker de Boss po-API aanroepen.'
        userConsentDisplayName: 'Boss po controle gebruiken'
        userConsentDescription: 'Laat de Boss po-invoegtoepassing namens u de Boss po-API aanroepen.'
      }
    ]
  }
  appRoles: concat(boardRoles, otherRoles)
  spa: {
    redirectUris: [
      'brk-multihub://${paneHost}'
      'https://${paneHost}${panePath}/taskpane.html'
      'https://${paneHost}${panePath}/auth-dialog.html'
    ]
  }
}

resource servicePrincipal 'Microsoft.Graph/servicePrincipals@v1.0' = {
  appId: app.appId
}

// Tenant-wide consent for the pane (client) to call the API (resource) — the same app on both sides.
resource consent 'Microsoft.Graph/oauth2PermissionGrants@v1.0' = if (grantAdminConsent) {
  clientId: servicePrincipal.id
  resourceId: servicePrincipal.id
  consentType: 'AllPrincipals'
  scope: scope
}

output appId string = app.appId
output servicePrincipalId string = servicePrincipal.id
output scope string = scope
