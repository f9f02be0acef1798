namespace QaShopper.Tests.Support;

/// <summary>The assertion the parser diagnostics tests share: some diagnostic starts with <c>file:line:column: message</c>.</summary>
internal static class DiagnosticAssert
{
    public static void ReportsAt<T>(IEnumerable<T> diagnostics, string file, int line, int column, string message)
    {
        var all = diagnostics.Select(d => d?.ToString() ?? string.Empty).ToList();
        Assert.That(all, Has.Some.StartsWith($"{file}:{line}:{column}: {message}"), string.Join("\n", all));
    }
}
