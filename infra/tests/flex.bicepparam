// Template-assertion input: the default deployment (Flex Consumption, Azure OpenAI, one consultant).
// Placeholder ids and key only; infra/tests/AssertTemplate.cs checks the resolved snapshot.
using '../main.bicep'

param environmentName = 'ci'
param location = 'swedencentral'
param pseudonymKey = 'ci-placeholder-not-a-secret'
param principalId = '00000000-0000-0000-0000-0000000000aa'
param consultantPrincipalIds = [
  '00000000-0000-0000-0000-0000000000bb'
]
