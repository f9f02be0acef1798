namespace QaShopper.Core.Scenarios;

/// <summary>A problem found in a scenario or campaign file, reported as <c>file:line:column: message</c>.</summary>
public sealed record ScenarioDiagnostic(string File, SourcePosition Position, string Message)
{
    public override string ToString() => $"{File}:{Position.Line}:{Position.Column}: {Message}";
}

/// <summary>The outcome of reading one scenario file: the scenario when it is valid, and every problem found.</summary>
public sealed record ScenarioLoadResult(Scenario? Scenario, IReadOnlyList<ScenarioDiagnostic> Diagnostics)
{
    public bool IsValid => Scenario is not null && Diagnostics.Count == 0;
}

/// <summary>Thrown where a caller needs a valid scenario and the file has problems.</summary>
public sealed class ScenarioInvalidException(IReadOnlyList<ScenarioDiagnostic> diagnostics)
    : Exception(string.Join(Environment.NewLine, diagnostics))
{
    public IReadOnlyList<ScenarioDiagnostic> Diagnostics { get; } = diagnostics;
}
