using System.CommandLine;

namespace QaShopper.Cli;

/// <summary>The options of every command that places a batch of simulated calls: how many, which seed, how many at once.</summary>
internal sealed class CallBatchOptions
{
    public CallBatchOptions(int defaultCalls, int defaultSeed, string seedMeaning)
    {
        Calls = new Option<int>("--calls") { Description = "How many calls to place", DefaultValueFactory = _ => defaultCalls, HelpName = "N" };
        Seed = new Option<int>("--seed") { Description = seedMeaning, DefaultValueFactory = _ => defaultSeed, HelpName = "S" };
        Concurrency = new Option<int>("--concurrency") { Description = "Calls in flight at once (default: one per core)", DefaultValueFactory = _ => Environment.ProcessorCount, HelpName = "N" };
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
        // Option validators see the default when the option is not given; a command validator would see 0.
        Calls.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 10_000)
            {
                r.AddError("--calls must be between 1 and 10000");
            }
        });
        Concurrency.Validators.Add(r =>
        {
            if (r.GetValueOrDefault<int>() is < 1 or > 64)
            {
                r.AddError("--concurrency must be between 1 and 64");
            }
        });
    }
}
