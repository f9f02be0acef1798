namespace QaShopper.Hosting;

/// <summary>
/// What a command's host must be able to do. A command says what it needs; which adapter does it (simulated call
/// centre or Twilio, local or Azure speech, which store) is the settings' choice, made once in <see cref="Composition"/>.
/// Every host has the scorer.
/// </summary>
[Flags]
internal enum HostFeatures
{
    /// <summary>The result and campaign stores.</summary>
    Store = 1,

    /// <summary>Turns recordings into transcripts (and stores what it scores).</summary>
    Transcription = 2 | Store,

    /// <summary>Speaks the caller's lines and lists the voices the engine has; needs no store.</summary>
    Speech = 8,

    /// <summary>Places calls and processes them after: carrier, speech synthesis, transcription, the call pipeline.</summary>
    Calls = 4 | Transcription | Speech,

    /// <summary>Runs campaigns: the scheduler that places their calls (implies <see cref="Calls"/>).</summary>
    Campaigns = 16 | Calls,

    /// <summary>
    /// The host serves HTTP itself (<c>serve</c>): a carrier's webhooks are mapped onto its endpoints instead of a
    /// listener of their own.
    /// </summary>
    WebHost = 32,
}
