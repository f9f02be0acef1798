using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>A site's time zone: an IANA id resolved by the system, so that the file means the same on every machine.</summary>
internal static class TimeZoneReader
{
    private const string Examples = "an IANA time zone id such as Europe/London, America/Chicago or Asia/Manila";

    private static readonly Lazy<string[]> SystemIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal))]);

    public static TimeZoneInfo? Read(ParseContext context, YamlNode node)
    {
        if (YamlValues.Text(context, node, "time_zone") is not { } id)
        {
            return null;
        }

        // A Windows id resolves on Windows (and through ICU elsewhere) but is not portable: ask for the IANA form.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            context.Report(node, $"time zone '{id}' is a Windows id; write the IANA id instead, e.g. time_zone: {iana}");
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var suggestion = FieldSuggester.Closest(id, SystemIds.Value);
            context.Report(node, suggestion is null
                ? $"unknown time zone '{id}'; expected {Examples}"
                : $"unknown time zone '{id}'; did you mean '{suggestion}'? (expected {Examples})");
            return null;
        }
    }
}
