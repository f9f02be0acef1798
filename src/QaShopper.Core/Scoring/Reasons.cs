using System.Globalization;

namespace QaShopper.Core.Scoring;

/// <summary>Wording of the reasons a QA manager reads on the score sheet. Invariant culture throughout.</summary>
internal static class Reasons
{
    public const string NotAnswered = "call not answered";

    public static string Seconds(double seconds) => seconds.ToString("0.0", CultureInfo.InvariantCulture) + " s";

    public static string Limit(TimeSpan limit) => limit.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture) + " s";

    public static string Number(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    public static string Quote(string text) => "'" + text + "'";

    public static string Count(int n, string noun) => n.ToString(CultureInfo.InvariantCulture) + " " + noun + (n == 1 ? string.Empty : "s");
}
