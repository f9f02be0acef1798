using System.CommandLine;

namespace QaShopper.Cli;

/// <summary>The options of every command that places a batch of simulated calls: how many, which seed, how many at once.</summary>
internal sealed class CallBatchOptions
{
    public CallBatchOptions(int defaultCalls, int defaultSeed, string seedMeaning)
    {
        Calls = new Option<int>("--calls") { Description = "How many calls to place", DefaultValueFactory = _ => defaultCalls, HelpName = "N" };
        Seed = new Option<int>("--seed") { Description = seedMeaning, DefaultValueFactory = _ => defaultSeed, HelpName = "S" };
        Concurrency = CreateConcurrency();
    }

    public Option<int> Calls { get; }

    public Option<int> Seed { get; }

    public Option<int> Concurrency { get; }

    /// <summary>Adds the options and their range checks to <paramref name="command"/>.</summary>
    public void AddTo(Command command)
    {
        command.Options.Add(Calls);
        command.Options.Add(Seed);
        command.Options.Add(Concurrency);
        Calls.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--calls must be between 1 and 10000");
            }
        });
    }

    /// <summary><c>--concurrency N</c>: calls in flight at once, 1 to 64, default one per core.</summary>
    public static Option<int> CreateConcurrency()
    {
        var concurrency = new Option<int>("--concurrency") { Description = "Calls in flight at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };

        // Option validators see the default when the option is not given; a command validator would see 0.
        concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 64)
            {
                r.AddError("--concurrency must be between 1 and 64");
            }
        });
        return concurrency;
    }
}
