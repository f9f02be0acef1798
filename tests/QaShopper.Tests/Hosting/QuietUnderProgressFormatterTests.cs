using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using QaShopper.Cli;
using QaShopper.Hosting;

namespace QaShopper.Tests.Hosting;

[NonParallelizable]
public sealed class QuietUnderProgressFormatterTests
{
    private static string Write(LogLevel level)
    {
        var formatter = new QuietUnderProgressFormatter(new FixedOptions(new SimpleConsoleFormatterOptions { TimestampFormat = null }));
        using var output = new StringWriter();
        formatter.Write(new LogEntry<string>(level, "QaShopper.Scheduling", new EventId(303), "Call acme-0001 ended Completed", null, (state, _) => state), null, output);
        return output.ToString();
    }

    [Test]
    public void Write_InformationWhileAProgressBarIsLive_PrintsNothing()
    {
        using (LiveProgress.Begin())
        {
            Assert.That(Write(LogLevel.Information), Is.Empty);
        }
    }

    [Test]
    public void Write_WarningWhileAProgressBarIsLive_StillPrints()
    {
        using (LiveProgress.Begin())
        {
            Assert.That(Write(LogLevel.Warning), Is.EqualTo("warn: QaShopper.Scheduling[303] Call acme-0001 ended Completed" + Environment.NewLine));
        }
    }

    [Test]
    public void Write_InformationWithoutAProgressBar_PrintsOneLine()
    {
        Assert.That(LiveProgress.IsActive, Is.False);
        Assert.That(Write(LogLevel.Information), Is.EqualTo("info: QaShopper.Scheduling[303] Call acme-0001 ended Completed" + Environment.NewLine));
    }

    private sealed class FixedOptions(SimpleConsoleFormatterOptions value) : IOptionsMonitor<SimpleConsoleFormatterOptions>
    {
        public SimpleConsoleFormatterOptions CurrentValue => value;

        public SimpleConsoleFormatterOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<SimpleConsoleFormatterOptions, string?> listener) => null;
    }
}
