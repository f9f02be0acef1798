namespace QaShopper.Hosting;

/// <summary>
/// What a command's host must be able to do. A command says what it needs; which adapter does it (simulated call
/// centre or Twilio, local or Azure speech, which store) is the settings' choice, made once in <see cref="Composition"/>.
/// Every host has the store and the scorer.
/// </summary>
[Flags]
internal enum HostFeatures
{
    /// <summary>The result and campaign stores and the scorer only.</summary>
    Store = 0,

    /// <summary>Turns recordings into transcripts.</summary>
    Transcription = 1,

    /// <summary>Places calls and processes them after: carrier, speech synthesis, transcription, the call pipeline.</summary>
    Calls = 2 | Transcription,

    /// <summary>Runs campaigns: the scheduler that places their calls (implies <see cref="Calls"/>).</summary>
    Campaigns = 4 | Calls,
}
