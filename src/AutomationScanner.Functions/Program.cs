using AutomationScanner.Functions;

await ScannerHandler.Build(args).RunAsync();
