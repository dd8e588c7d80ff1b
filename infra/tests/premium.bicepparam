// Template-assertion input: the fallback deployment (Elastic Premium EP1, no Azure OpenAI, Easy Auth on).
// Placeholder ids only; infra/tests/AssertTemplate.cs checks the resolved snapshot.
using '../main.bicep'

param environmentName = 'ci-premium'
param location = 'swedencentral'
param hostingPlan = 'ElasticPremium'
param deployOpenAi = false
param enableAuth = true
param authClientId = '11111111-2222-3333-4444-555555555555'
