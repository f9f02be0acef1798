using System.Globalization;
using System.Security;
using System.Text.RegularExpressions;
using QaShopper.Core.Scenarios.Parsing;
using YamlDotNet.RepresentationModel;

namespace QaShopper.Core.Campaigns.Parsing;

/// <summary>A site's time zone: an IANA id resolved by the system, so that the file means the same on every machine.</summary>
internal static partial class TimeZoneReader
{
    private const string Examples = "an IANA time zone id such as Europe/London, America/Chicago or Asia/Manila";

    // The longest IANA id is 32 characters (America/Argentina/ComodRivadavia); ids longer than this are not looked up.
    private const int MaxIdLength = 64;

    private static readonly Lazy<string[]> SystemIds = new(() =>
        [.. TimeZoneInfo.GetSystemTimeZones().Select(z => z.Id).Where(id => id.Contains('/', StringComparison.Ordinal))]);

    public static TimeZoneInfo? Read(ParseContext context, YamlNode node)
    {
        if (YamlValues.Text(context, node, "time_zone") is not { } id)
        {
            return null;
        }

        if (id.Length > MaxIdLength)
        {
            context.Report(node, $"a time zone of {id.Length.ToString(CultureInfo.InvariantCulture)} characters is not a time zone id; expected {Examples}");
            return null;
        }

        // A Windows id resolves on Windows (and through ICU elsewhere) but is not portable: ask for the IANA form.
        if (!TimeZoneInfo.TryConvertIanaIdToWindowsId(id, out _) && TimeZoneInfo.TryConvertWindowsIdToIanaId(id, out var iana))
        {
            context.Report(node, $"time zone '{id}' is a Windows id; write the IANA id instead, e.g. time_zone: {iana}");
            return null;
        }

        // Checked by value before the system is asked: the lookup reads /usr/share/zoneinfo/<id>, so "Europe" (a folder)
        // or "../x" reach the file system, and the suggestion search below is quadratic in the id's length.
        if (!IanaShape().IsMatch(id))
        {
            context.Report(node, $"unknown time zone '{id}'; expected {Examples}");
            return null;
        }

        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(id);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException or IOException or UnauthorizedAccessException or SecurityException or ArgumentException)
        {
            var suggestion = FieldSuggester.Closest(id, SystemIds.Value);
            context.Report(node, suggestion is null
                ? $"unknown time zone '{id}'; expected {Examples}"
                : $"unknown time zone '{id}'; did you mean '{suggestion}'? (expected {Examples})");
            return null;
        }
    }

    // Area/Location with optional sub-locations (America/Argentina/Buenos_Aires), or a single name (UTC, GMT, Etc/GMT+5).
    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_+\-]*(/[A-Za-z0-9_][A-Za-z0-9_+\-]*)*$", RegexOptions.CultureInvariant)]
    private static partial Regex IanaShape();
}
