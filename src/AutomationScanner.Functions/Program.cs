using AutomationScanner.Functions;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.Hosting;

// The .NET isolated worker with ASP.NET Core integration: HTTP functions get the real HttpRequest from the
// worker's own Kestrel (the host proxies to it); queue, timer and Durable triggers arrive over gRPC.
var builder = FunctionsApplication.CreateBuilder(args);
builder.ConfigureFunctionsWebApplication();
builder.AddScannerFunctions();
await builder.Build().RunAsync();
