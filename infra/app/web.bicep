// The task pane's static hosting: Azure Static Web Apps (Free), HTTPS on its own *.azurestaticapps.net
// host. azd deploys dist/site/public there; the pane itself lives under /addin/.
param name string
param location string
param tags object

resource site 'Microsoft.Web/staticSites@2024-04-01' = {
  name: name
  location: location
  tags: tags
  sku: { name: 'Free', tier: 'Free' }
  properties: {
    allowConfigFileUpdates: true
    stagingEnvironmentPolicy: 'Disabled'
  }
}

output name string = site.name
output hostName string = site.properties.defaultHostname
