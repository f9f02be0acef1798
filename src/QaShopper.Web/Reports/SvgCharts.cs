using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Html;

namespace QaShopper.Web.Reports;

/// <summary>One line of a line chart: a value (or a gap) per x position.</summary>
public sealed record ChartSeries(string Name, string CssClass, IReadOnlyList<double?> Values);

/// <summary>One bar of a Pareto chart.</summary>
public sealed record ChartBar(string Label, double Value, double CumulativePercent);

/// <summary>
/// Charts drawn on the server as inline SVG: no script, nothing fetched (the app runs offline and its Content Security
/// Policy allows no inline script), printable, and testable by counting elements. Colours come from site.css classes.
/// </summary>
public static class SvgCharts
{
    private const double Width = 760;
    private const double Height = 280;
    private const double Left = 44;
    private const double Right = 44;
    private const double Top = 16;
    private const double Bottom = 56;
    private static readonly double[] NiceSteps = [1, 2, 4, 5, 10];

    /// <summary>
    /// A line chart of scores 0..100: one polyline per series through its values (gaps skipped), a circle at every value
    /// (class <c>point</c> and the series' class), x labels under the axis.
    /// </summary>
    public static IHtmlContent Lines(string title, IReadOnlyList<string> labels, IReadOnlyList<ChartSeries> series)
    {
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(series);
        var svg = Open(title, "chart line-chart");
        YAxis(svg, "score", 100, "");
        var step = labels.Count > 1 ? (Width - Left - Right) / (labels.Count - 1) : 0;
        double X(int i) => labels.Count > 1 ? Left + (i * step) : Width / 2;
        XLabels(svg, labels, X);

        foreach (var line in series)
        {
            var points = line.Values.Select((v, i) => (v, i)).Where(p => p.v is not null).Select(p => (X: X(p.i), Y: Y(p.v!.Value, 100), Label: labels[p.i], Value: p.v!.Value)).ToList();
            svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series {Attr(line.CssClass)}\"><polyline fill=\"none\" points=\"{string.Join(' ', points.Select(p => F(p.X) + "," + F(p.Y)))}\"/>");
            foreach (var p in points)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point {Attr(line.CssClass)}\" cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"3.5\"><title>{Text(line.Name)} {Text(p.Label)}: {p.Value.ToString("0.0", CultureInfo.InvariantCulture)}</title></circle>");
            }

            svg.Append("</g>");
        }

        Legend(svg, series.Select(s => (s.Name, s.CssClass)).ToList());
        return Close(svg);
    }

    /// <summary>
    /// A Pareto chart: one bar per item (class <c>bar</c>), tallest first as given, and the running share of the total as
    /// a line (class <c>cumulative</c>) on a 0..100% scale at the right.
    /// </summary>
    public static IHtmlContent Pareto(string title, IReadOnlyList<ChartBar> bars)
    {
        ArgumentNullException.ThrowIfNull(bars);
        var svg = Open(title, "chart pareto-chart");
        var max = NiceCeiling(bars.Count == 0 ? 1 : Math.Max(bars.Max(b => b.Value), 0.01));
        YAxis(svg, "points lost", max, "");
        var slot = bars.Count == 0 ? 0 : (Width - Left - Right) / bars.Count;
        double Center(int i) => Left + (slot * i) + (slot / 2);
        XLabels(svg, [.. bars.Select(b => b.Label)], Center);
        for (var i = 0; i < bars.Count; i++)
        {
            var y = Y(bars[i].Value, max);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{F(Center(i) - (slot * 0.35))}\" y=\"{F(y)}\" width=\"{F(slot * 0.7)}\" height=\"{F(Height - Bottom - y)}\"><title>{Text(bars[i].Label)}: {bars[i].Value.ToString("0.##", CultureInfo.InvariantCulture)} points</title></rect>");
        }

        var cumulative = bars.Select((b, i) => (X: Center(i), Y: Y(b.CumulativePercent, 100), b.CumulativePercent)).ToList();
        svg.Append(CultureInfo.InvariantCulture, $"<g class=\"series cumulative\"><polyline fill=\"none\" points=\"{string.Join(' ', cumulative.Select(p => F(p.X) + "," + F(p.Y)))}\"/>");
        foreach (var p in cumulative)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<circle class=\"point cumulative\" cx=\"{F(p.X)}\" cy=\"{F(p.Y)}\" r=\"3\"><title>{p.CumulativePercent.ToString("0.0", CultureInfo.InvariantCulture)}%</title></circle>");
        }

        svg.Append("</g>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F(Width - Right + 6)}\" y=\"{F(Top + 4)}\">100%</text>");
        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F(Width - Right + 6)}\" y=\"{F(Height - Bottom)}\">0%</text>");
        Legend(svg, [("points lost", "bars"), ("cumulative %", "cumulative")]);
        return Close(svg);
    }

    private static StringBuilder Open(string title, string cssClass)
    {
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"{Attr(cssClass)}\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {F(Width)} {F(Height)}\" role=\"img\" aria-label=\"{Attr(title)}\"><title>{Text(title)}</title>");
        return svg;
    }

    private static HtmlString Close(StringBuilder svg) => new(svg.Append("</svg>").ToString());

    private static void YAxis(StringBuilder svg, string name, double max, string unit)
    {
        foreach (var fraction in new[] { 0, 0.25, 0.5, 0.75, 1 })
        {
            var y = Y(max * fraction, max);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"grid\" x1=\"{F(Left)}\" x2=\"{F(Width - Right)}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>");
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F(Left - 6)}\" y=\"{F(y + 4)}\" text-anchor=\"end\">{(max * fraction).ToString("0.#", CultureInfo.InvariantCulture)}{unit}</text>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F(Left)}\" y=\"{F(Top - 4)}\">{Text(name)}</text>");
    }

    private static void XLabels(StringBuilder svg, IReadOnlyList<string> labels, Func<int, double> x)
    {
        // Every label when they fit, else every n-th, so a year of weeks stays readable.
        var every = Math.Max(1, (int)Math.Ceiling(labels.Count / 14.0));
        for (var i = 0; i < labels.Count; i += every)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<text class=\"axis-label\" x=\"{F(x(i))}\" y=\"{F(Height - Bottom + 16)}\" text-anchor=\"middle\">{Text(labels[i])}</text>");
        }
    }

    private static void Legend(StringBuilder svg, IReadOnlyList<(string Name, string CssClass)> entries)
    {
        var x = Left;
        foreach (var (name, cssClass) in entries)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"legend {Attr(cssClass)}\" x=\"{F(x)}\" y=\"{F(Height - 20)}\" width=\"12\" height=\"12\"/><text class=\"axis-label\" x=\"{F(x + 16)}\" y=\"{F(Height - 10)}\">{Text(name)}</text>");
            x += 30 + (name.Length * 7);
        }
    }

    /// <summary>The next 1, 2, 4 or 5 × 10ⁿ at or above <paramref name="value"/>, so the axis's quarters read as round numbers.</summary>
    private static double NiceCeiling(double value)
    {
        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return NiceSteps.Select(m => m * power).First(m => m >= value - 1e-9);
    }

    private static double Y(double value, double max) => Top + ((Height - Top - Bottom) * (1 - (Math.Clamp(value, 0, max) / max)));

    private static string F(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);

    private static string Text(string value) => HtmlEncoder.Default.Encode(value);

    private static string Attr(string value) => HtmlEncoder.Default.Encode(value);
}
