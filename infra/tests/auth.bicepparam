// Template-assertion input: sign-in required (Easy Auth on), no Azure OpenAI.
// Placeholder ids and key only; infra/tests/AssertTemplate.cs checks the resolved snapshot.
using '../main.bicep'

param environmentName = 'ci-auth'
param location = 'swedencentral'
param pseudonymKey = 'ci-placeholder-not-a-secret'
param deployOpenAi = false
param enableAuth = true
param authClientId = '11111111-2222-3333-4444-555555555555'
