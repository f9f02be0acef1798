using System.Globalization;

namespace QaShopper.Scheduling;

/// <summary>How a plan's times become trigger times. The planned times are stored either way, for reports.</summary>
internal abstract record ScheduleMode
{
    private ScheduleMode()
    {
    }

    /// <summary>Each call at its planned time; late calls are run late, re-planned or skipped by the period rules.</summary>
    public static ScheduleMode OnTime { get; } = new OnTimeMode();

    /// <summary>Every call due at once, in planned order, retries without delay: the campaign runs now (demos).</summary>
    public static ScheduleMode Now { get; } = new NowMode();

    /// <summary>The plan compressed: a call fires at start + (planned − first planned) / factor; retry delays shrink alike.</summary>
    public static ScheduleMode Accelerated(double factor)
    {
        if (!(factor >= 1) || double.IsInfinity(factor))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, "an accelerated campaign runs at least at real speed (factor >= 1)");
        }

        return new AcceleratedMode(factor);
    }

    /// <summary>True when the service periods bind: only on time do late calls and retries have to fit a period.</summary>
    public bool EnforcesPeriods => this is OnTimeMode;

    /// <summary>Reads the stored spelling (<c>on-time</c>, <c>now</c>, <c>accelerated:60</c>).</summary>
    public static ScheduleMode Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text == "on-time")
        {
            return OnTime;
        }

        if (text == "now")
        {
            return Now;
        }

        const string prefix = "accelerated:";
        if (text.StartsWith(prefix, StringComparison.Ordinal)
            && double.TryParse(text.AsSpan(prefix.Length), NumberStyles.Float, CultureInfo.InvariantCulture, out var factor))
        {
            return Accelerated(factor);
        }

        throw new FormatException($"unknown schedule mode '{text}' (on-time, now or accelerated:<factor>)");
    }

    /// <summary>When the trigger of the call at <paramref name="index"/> (planned order) fires.</summary>
    public abstract DateTimeOffset DueAt(DateTimeOffset plannedAt, DateTimeOffset firstPlannedAt, int index, DateTimeOffset start);

    /// <summary>A delay (retry) as this mode runs it.</summary>
    public abstract TimeSpan Scale(TimeSpan delay);

    private sealed record OnTimeMode : ScheduleMode
    {
        public override DateTimeOffset DueAt(DateTimeOffset plannedAt, DateTimeOffset firstPlannedAt, int index, DateTimeOffset start) => plannedAt;

        public override TimeSpan Scale(TimeSpan delay) => delay;

        public override string ToString() => "on-time";
    }

    private sealed record NowMode : ScheduleMode
    {
        // A millisecond apart keeps the planned order: Quartz fires triggers due at one instant in no set order.
        public override DateTimeOffset DueAt(DateTimeOffset plannedAt, DateTimeOffset firstPlannedAt, int index, DateTimeOffset start) =>
            start + TimeSpan.FromMilliseconds(index);

        public override TimeSpan Scale(TimeSpan delay) => TimeSpan.Zero;

        public override string ToString() => "now";
    }

    private sealed record AcceleratedMode(double Factor) : ScheduleMode
    {
        public override DateTimeOffset DueAt(DateTimeOffset plannedAt, DateTimeOffset firstPlannedAt, int index, DateTimeOffset start) =>
            start + ((plannedAt - firstPlannedAt) / Factor) + TimeSpan.FromMilliseconds(index);

        public override TimeSpan Scale(TimeSpan delay) => delay / Factor;

        public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"accelerated:{Factor}");
    }
}
