namespace QaShopper.Twilio.Emulator;

/// <summary>Placeholder until the emulator lands.</summary>
internal static class AssemblyMarker;
