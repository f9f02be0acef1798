using QaShopper.Cli;

return await QaShopperCli.RunAsync(args, CliConsole.System).ConfigureAwait(false);
