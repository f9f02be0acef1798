namespace QaShopper.Twilio;

/// <summary>Placeholder until the carrier lands.</summary>
internal static class AssemblyMarker;
