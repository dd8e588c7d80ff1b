// Template assertions for infra/: run by infra/lint.sh as
//   dotnet run infra/tests/AssertTemplate.cs -- <main.json> <flex.snapshot.json> <auth.snapshot.json> <main.parameters.json>
// main.json is `bicep build` output; the snapshots are `bicep snapshot` output, in which the Bicep CLI has
// already evaluated every expression it can (names, filters, role ids) for the two parameter files in
// infra/tests/. Each check prints `ok` or `FAIL`; the last line is "N passed, N failed".
using System.Globalization;
using System.Text.Json.Nodes;

if (args.Length != 4)
{
    Console.Error.WriteLine("usage: AssertTemplate.cs <main.json> <flex.snapshot.json> <auth.snapshot.json> <main.parameters.json>");
    return 2;
}

var compiledText = File.ReadAllText(args[0]);
var compiled = Load(args[0]);
var flex = Load(args[1]);
var authScenario = Load(args[2]);
var parameterFile = Load(args[3]);

var passed = 0;
var failed = 0;

void Check(string name, bool condition, string? detail = null)
{
    if (condition)
    {
        passed++;
        Console.WriteLine($"ok   - {name}");
    }
    else
    {
        failed++;
        Console.WriteLine($"FAIL - {name}{(detail is null ? "" : $" ({detail})")}");
    }
}

const string BlobDataOwner = "b7e6dc6d-f1e8-4753-8033-0f276bb0955b";
const string BlobDataContributor = "ba92f5b4-2d11-453d-a403-e96b0029c9fe";
const string BlobDataReader = "2a2b9908-6ea1-4ae2-8e65-a410df84e7d1";
const string QueueDataContributor = "974c5e8b-45b9-4653-ba55-5f855dd0fb88";
const string TableDataContributor = "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3";
const string KeyVaultSecretsUser = "4633458b-17de-408a-b874-0445c86b69e6";
const string QueueMessageSender = "c6a89b2d-59bc-44d0-9896-0f6e12d7b80a";
const string OpenAiUser = "5e0bd9bd-7b93-4f28-af87-19fc36ad61bd";
const string MetricsPublisher = "3913510d-42f4-4e42-8a64-420c390055eb";
string[] broadRoles =
[
    "8e3af657-a8ff-443c-a75c-2fe8c4bcb635", // Owner
    "b24988ac-6180-42a0-ab88-20f7382dd24c", // Contributor
    "17d1049b-9a84-46fb-8f53-869881c3d3ab", // Storage Account Contributor
    "a97b65f3-24c7-4388-baec-2e87135dc908", // Cognitive Services User (broader than OpenAI User)
];

// ---- Flex Consumption deployment (defaults) ----
var resources = Resources(flex);
Check("flex: snapshot has no diagnostics", flex["diagnostics"] is JsonArray { Count: 0 }, flex["diagnostics"]?.ToJsonString());

var storage = Single(resources, "Microsoft.Storage/storageAccounts");
var storageId = Str(storage, "id");
Check("storage: allowSharedKeyAccess is false", Bool(storage, "properties", "allowSharedKeyAccess") == false);
Check("storage: allowBlobPublicAccess is false", Bool(storage, "properties", "allowBlobPublicAccess") == false);
Check("storage: minimumTlsVersion is TLS1_2", Str(storage, "properties", "minimumTlsVersion") == "TLS1_2");
Check("storage: HTTPS only", Bool(storage, "properties", "supportsHttpsTrafficOnly") == true);

var containers = OfType(resources, "Microsoft.Storage/storageAccounts/blobServices/containers");
foreach (var container in new[] { "exports", "reports", "scanner-cache" })
{
    var match = containers.FirstOrDefault(c => LastSegment(c) == container);
    Check($"storage: container '{container}' is private", match is not null && Str(match, "properties", "publicAccess") == "None");
}
Check("storage: Flex deployment container exists", containers.Any(c => LastSegment(c).StartsWith("app-package-", StringComparison.Ordinal)));

var lifecycle = Single(resources, "Microsoft.Storage/storageAccounts/managementPolicies");
var lifecycleRule = At(lifecycle, ["properties", "policy", "rules", "0"]);
Check("storage: lifecycle rule deletes Durable scan sidecars (scanner-cache/scan-work/) after 2 days",
    Str(lifecycleRule, "definition", "filters", "prefixMatch", "0") == "scanner-cache/scan-work/"
    && At(lifecycleRule, ["definition", "actions", "baseBlob", "delete", "daysAfterModificationGreaterThan"])?.GetValue<int>() == 2
    && Bool(lifecycleRule, "enabled") == true,
    lifecycleRule?.ToJsonString());

var queues = OfType(resources, "Microsoft.Storage/storageAccounts/queueServices/queues").Select(LastSegment).ToList();
Check("storage: queues export-events and scan-requests", queues.Contains("export-events") && queues.Contains("scan-requests"), string.Join(",", queues));

var topic = Single(resources, "Microsoft.EventGrid/systemTopics");
Check("event grid: system topic on the storage account", Str(topic, "properties", "source") == storageId
    && Str(topic, "properties", "topicType") == "Microsoft.Storage.StorageAccounts");
Check("event grid: system topic has a system-assigned identity", Str(topic, "identity", "type") == "SystemAssigned");

var subscription = Single(resources, "Microsoft.EventGrid/systemTopics/eventSubscriptions");
var eventTypes = subscription["properties"]?["filter"]?["includedEventTypes"]?.AsArray().Select(n => n?.GetValue<string>()).ToList() ?? [];
Check("event grid: only BlobCreated events", eventTypes is ["Microsoft.Storage.BlobCreated"], string.Join(",", eventTypes));
Check("event grid: filtered to the exports container", Str(subscription, "properties", "filter", "subjectBeginsWith") == "/blobServices/default/containers/exports/",
    Str(subscription, "properties", "filter", "subjectBeginsWith"));
Check("event grid: delivers with the topic's managed identity (no key-based destination)",
    Str(subscription, "properties", "deliveryWithResourceIdentity", "identity", "type") == "SystemAssigned"
    && subscription["properties"]?["destination"] is null);
Check("event grid: destination is the export-events queue of the account",
    Str(subscription, "properties", "deliveryWithResourceIdentity", "destination", "endpointType") == "StorageQueue"
    && Str(subscription, "properties", "deliveryWithResourceIdentity", "destination", "properties", "queueName") == "export-events"
    && Str(subscription, "properties", "deliveryWithResourceIdentity", "destination", "properties", "resourceId") == storageId);

var roleAssignments = OfType(resources, "Microsoft.Authorization/roleAssignments");
var queueSender = roleAssignments.Where(r => RoleId(r) == QueueMessageSender).ToList();
Check("event grid: topic identity may only send to the export-events queue",
    queueSender.Count == 1 && Str(queueSender[0], "id").StartsWith($"{storageId}/queueServices/default/queues/export-events/", StringComparison.Ordinal)
    && Str(queueSender[0], "properties", "principalId").Contains("Microsoft.EventGrid/systemTopics", StringComparison.Ordinal));

var identity = Single(resources, "Microsoft.ManagedIdentity/userAssignedIdentities");
var identityId = Str(identity, "id");
var appAssignments = roleAssignments.Where(r => Str(r, "properties", "principalId").Contains(identityId, StringComparison.Ordinal)).ToList();
var cognitive = Single(resources, "Microsoft.CognitiveServices/accounts");
var insights = Single(resources, "Microsoft.Insights/components");
bool AppHas(string role, string scopeId) => appAssignments.Any(r => RoleId(r) == role && Scope(r) == scopeId);
Check("rbac: app identity has Storage Blob Data Owner on the account", AppHas(BlobDataOwner, storageId));
Check("rbac: app identity has Storage Queue Data Contributor on the account", AppHas(QueueDataContributor, storageId));
Check("rbac: app identity has Cognitive Services OpenAI User on the OpenAI account", AppHas(OpenAiUser, Str(cognitive, "id")));
Check("rbac: app identity has Monitoring Metrics Publisher on Application Insights", AppHas(MetricsPublisher, Str(insights, "id")));
var vault = Single(resources, "Microsoft.KeyVault/vaults");
Check("rbac: app identity has Storage Table Data Contributor on the account (Durable task hub tables)", AppHas(TableDataContributor, storageId));
Check("rbac: app identity has Key Vault Secrets User on the vault", AppHas(KeyVaultSecretsUser, Str(vault, "id")));
Check("rbac: app identity holds exactly those six roles", appAssignments.Count == 6, appAssignments.Count.ToString(CultureInfo.InvariantCulture));
Check("key vault: RBAC authorization, soft delete and purge protection", Bool(vault, "properties", "enableRbacAuthorization") == true
    && Bool(vault, "properties", "enableSoftDelete") == true && Bool(vault, "properties", "enablePurgeProtection") == true);
Check("key vault: holds the pseudonym key secret", OfType(resources, "Microsoft.KeyVault/vaults/secrets").Any(s => LastSegment(s) == "scoring-pseudonym-key"));
Check("rbac: no Owner/Contributor/account-level broad roles", !roleAssignments.Any(r => broadRoles.Contains(RoleId(r))));
Check("rbac: consultant gets Blob Data Contributor on exports and Reader on reports only",
    roleAssignments.Count(r => Str(r, "properties", "principalId") == "00000000-0000-0000-0000-0000000000bb") == 2
    && roleAssignments.Any(r => RoleId(r) == BlobDataContributor && Scope(r) == $"{storageId}/blobServices/default/containers/exports")
    && roleAssignments.Any(r => RoleId(r) == BlobDataReader && Scope(r) == $"{storageId}/blobServices/default/containers/reports"));

Check("monitoring: Application Insights local auth disabled", Bool(insights, "properties", "DisableLocalAuth") == true);
Check("monitoring: Application Insights is workspace-based", Single(resources, "Microsoft.OperationalInsights/workspaces") is not null
    && Str(insights, "properties", "WorkspaceResourceId").Contains("Microsoft.OperationalInsights/workspaces", StringComparison.Ordinal));
Check("openai: account kind OpenAI with local (key) auth disabled", Str(cognitive, "kind") == "OpenAI" && Bool(cognitive, "properties", "disableLocalAuth") == true);
var modelDeployment = Single(resources, "Microsoft.CognitiveServices/accounts/deployments");
Check("openai: default model gpt-5-mini 2025-08-07", Str(modelDeployment, "properties", "model", "name") == "gpt-5-mini"
    && Str(modelDeployment, "properties", "model", "version") == "2025-08-07");

var plan = Single(resources, "Microsoft.Web/serverfarms");
Check("function: plan is Flex Consumption FC1 on Linux", Str(plan, "sku", "name") == "FC1" && Str(plan, "sku", "tier") == "FlexConsumption"
    && Bool(plan, "properties", "reserved") == true);
var site = Single(resources, "Microsoft.Web/sites");
Check("function: Linux function app, HTTPS only", Str(site, "kind") == "functionapp,linux" && Bool(site, "properties", "httpsOnly") == true);
Check("function: Flex runtime is the isolated worker, dotnet-isolated 10.0",
    Str(site, "properties", "functionAppConfig", "runtime", "name") == "dotnet-isolated"
    && Str(site, "properties", "functionAppConfig", "runtime", "version") == "10.0");
Check("function: no siteConfig.ftpsState (Flex refuses it)", site["properties"]?["siteConfig"]?["ftpsState"] is null);
var publishing = OfType(resources, "Microsoft.Web/sites/basicPublishingCredentialsPolicies");
Check("function: basic publishing credentials off for ftp and scm",
    publishing.Count == 2 && publishing.All(p => Bool(p, "properties", "allow") == false)
    && publishing.Select(LastSegment).Order(StringComparer.Ordinal).SequenceEqual(["ftp", "scm"]));
Check("function: Key Vault references resolve with the user-assigned identity", Str(site, "properties", "keyVaultReferenceIdentity") == identityId);
Check("function: Flex package is read with the user-assigned identity",
    Str(site, "properties", "functionAppConfig", "deployment", "storage", "authentication", "type") == "UserAssignedIdentity");
Check("function: tagged for azd service 'functions'", Str(site, "tags", "azd-service-name") == "functions");
Check("function: no Easy Auth unless asked for", OfType(resources, "Microsoft.Web/sites/config").Count == 0);

// App setting values are runtime references, so the names are checked in the compiled template, where
// they appear as JSON keys ("name") or, inside conditional expressions, as string literals ('name').
foreach (var setting in new[]
{
    "AzureWebJobsStorage__credential", "AzureWebJobsStorage__clientId", "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri",
    "AzureWebJobsStorage__tableServiceUri", "Scoring__PseudonymKey", "EngagementAccess__RequirePrincipal",
    "ScannerStorage__credential", "ScannerStorage__clientId", "ScannerStorage__blobServiceUri", "ScannerStorage__queueServiceUri",
    "AzureOpenAI__Endpoint", "AzureOpenAI__Deployment", "AZURE_CLIENT_ID",
    "APPLICATIONINSIGHTS_CONNECTION_STRING", "APPLICATIONINSIGHTS_AUTHENTICATION_STRING",
})
{
    Check($"app settings: {setting}", compiledText.Contains($"\"{setting}\"", StringComparison.Ordinal)
        || compiledText.Contains($"'{setting}'", StringComparison.Ordinal));
}
Check("app settings: no FUNCTIONS_WORKER_RUNTIME or FUNCTIONS_EXTENSION_VERSION (Flex takes the stack from functionAppConfig)",
    !compiledText.Contains("FUNCTIONS_WORKER_RUNTIME", StringComparison.Ordinal) && !compiledText.Contains("FUNCTIONS_EXTENSION_VERSION", StringComparison.Ordinal));
Check("app settings: the pseudonym key is a Key Vault reference", compiledText.Contains("@Microsoft.KeyVault(SecretUri=", StringComparison.Ordinal));
var openAiSkus = compiled["parameters"]?["openAiDeploymentSku"]?["allowedValues"]?.AsArray().Select(n => n?.GetValue<string>()).ToList() ?? [];
Check("openai: no regional Standard deployment for gpt-5-mini", openAiSkus.Count > 0 && !openAiSkus.Contains("Standard"), string.Join(",", openAiSkus));
// API versions: current ones (2024 or later), except those whose latest GA version is older.
string[] latestGaIsOlder = ["Microsoft.Authorization/roleAssignments@2022-04-01", "Microsoft.Insights/components@2020-02-02"];
var stale = System.Text.RegularExpressions.Regex.Matches(compiledText, "\"(Microsoft\\.[A-Za-z.]+/[A-Za-z/]+)@(\\d{4})-\\d{2}-\\d{2}")
    .Select(m => m.Value.Trim('"'))
    .Distinct(StringComparer.Ordinal)
    .Where(t => int.Parse(t.Split('@')[1][..4], CultureInfo.InvariantCulture) < 2024 && !latestGaIsOlder.Contains(t))
    .ToList();
Check("api versions: 2024 or later wherever a newer GA version exists", stale.Count == 0, string.Join(",", stale));
Check("no keys anywhere: template never calls listKeys or builds AccountKey= strings",
    !compiledText.Contains("listKeys(", StringComparison.OrdinalIgnoreCase) && !compiledText.Contains("AccountKey=", StringComparison.OrdinalIgnoreCase));

// ---- Sign-in required, without OpenAI ----
var authResources = Resources(authScenario);
Check("auth: snapshot has no diagnostics", authScenario["diagnostics"] is JsonArray { Count: 0 }, authScenario["diagnostics"]?.ToJsonString());
var authPlan = Single(authResources, "Microsoft.Web/serverfarms");
Check("auth: plan is Flex Consumption FC1", Str(authPlan, "sku", "name") == "FC1");
Check("auth: no Azure OpenAI resources when deployOpenAi is false",
    !authResources.Any(r => Str(r, "type").StartsWith("Microsoft.CognitiveServices/", StringComparison.Ordinal))
    && !OfType(authResources, "Microsoft.Authorization/roleAssignments").Any(r => RoleId(r) == OpenAiUser));
var authConfig = OfType(authResources, "Microsoft.Web/sites/config").SingleOrDefault(r => LastSegment(r) == "authsettingsV2");
Check("auth: Easy Auth requires Entra sign-in and answers 401",
    authConfig is not null
    && Bool(authConfig, "properties", "globalValidation", "requireAuthentication") == true
    && Str(authConfig, "properties", "globalValidation", "unauthenticatedClientAction") == "Return401"
    && Str(authConfig, "properties", "identityProviders", "azureActiveDirectory", "registration", "clientId") == "11111111-2222-3333-4444-555555555555");
// Resolved only where every setting value is known at snapshot time (here: no OpenAI endpoint from a module output).
string? Setting(List<JsonObject> scenario, string name) => (Single(scenario, "Microsoft.Web/sites")["properties"]?["siteConfig"]?["appSettings"] as JsonArray)?
    .OfType<JsonObject>().FirstOrDefault(s => Str(s, "name") == name) is { } found ? Str(found, "value") : null;
Check("auth: EngagementAccess__RequirePrincipal is true with sign-in on", Setting(authResources, "EngagementAccess__RequirePrincipal") == "true",
    Setting(authResources, "EngagementAccess__RequirePrincipal"));
Check("flex: EngagementAccess__RequirePrincipal is not true without sign-in", Setting(resources, "EngagementAccess__RequirePrincipal") is null or "false",
    Setting(resources, "EngagementAccess__RequirePrincipal"));

// ---- main.parameters.json matches main.bicep ----
var templateParameters = compiled["parameters"]?.AsObject() ?? [];
var fileParameters = parameterFile["parameters"]?.AsObject() ?? [];
var unknown = fileParameters.Select(p => p.Key).Where(k => !templateParameters.ContainsKey(k)).ToList();
Check("main.parameters.json: every parameter exists in main.bicep", unknown.Count == 0, string.Join(",", unknown));
var required = templateParameters.Where(p => p.Value?["defaultValue"] is null).Select(p => p.Key).Where(k => !fileParameters.ContainsKey(k)).ToList();
Check("main.parameters.json: every required parameter is supplied", required.Count == 0, string.Join(",", required));

Console.WriteLine($"{passed} passed, {failed} failed");
return failed == 0 ? 0 : 1;

static JsonObject Load(string path)
{
    try
    {
        return JsonNode.Parse(File.ReadAllText(path))?.AsObject() ?? throw new InvalidDataException($"{path}: empty JSON");
    }
    catch (System.Text.Json.JsonException ex)
    {
        throw new InvalidDataException($"{path}: not valid JSON ({ex.Message})", ex);
    }
}

static List<JsonObject> Resources(JsonObject snapshot) =>
    snapshot["predictedResources"]?.AsArray().OfType<JsonObject>().ToList() ?? [];

static List<JsonObject> OfType(List<JsonObject> resources, string type) =>
    resources.Where(r => string.Equals(Str(r, "type"), type, StringComparison.OrdinalIgnoreCase)).ToList();

static JsonObject Single(List<JsonObject> resources, string type)
{
    var matches = OfType(resources, type);
    return matches.Count == 1 ? matches[0] : throw new InvalidDataException($"expected exactly one {type}, found {matches.Count}");
}

static JsonNode? At(JsonNode? node, string[] path)
{
    foreach (var key in path)
    {
        node = node switch
        {
            JsonObject o => o[key],
            JsonArray a when int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < a.Count => a[i],
            _ => null,
        };
    }
    return node;
}

static string Str(JsonNode? node, params string[] path) =>
    At(node, path) is JsonValue v && v.TryGetValue<string>(out var s) ? s : "";

static bool? Bool(JsonNode? node, params string[] path) =>
    At(node, path) is JsonValue v && v.TryGetValue<bool>(out var b) ? b : null;

static string LastSegment(JsonObject resource) => Str(resource, "name").Split('/')[^1];

static string RoleId(JsonObject assignment) => Str(assignment, "properties", "roleDefinitionId").Split('/')[^1];

// A role assignment's id is <scope>/providers/Microsoft.Authorization/roleAssignments/<guid>.
static string Scope(JsonObject assignment)
{
    var id = Str(assignment, "id");
    var marker = id.LastIndexOf("/providers/Microsoft.Authorization/roleAssignments/", StringComparison.OrdinalIgnoreCase);
    return marker < 0 ? "" : id[..marker];
}
