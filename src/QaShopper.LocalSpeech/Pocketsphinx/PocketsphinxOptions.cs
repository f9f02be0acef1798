namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>The offline pocketsphinx recogniser; bound from the <c>LocalSpeech:Pocketsphinx</c> section.</summary>
public sealed class PocketsphinxOptions
{
    /// <summary>The configuration section these options are bound from.</summary>
    public const string SectionName = "LocalSpeech:Pocketsphinx";

    /// <summary>Where the Debian package pocketsphinx-en-us puts the US English model.</summary>
    public const string DebianModelRoot = "/usr/share/pocketsphinx/model/en-us";

    /// <summary>The acoustic model directory (<c>mdef</c>, <c>means</c>, …). Default: the Debian package's 16 kHz en-US model.</summary>
    public string ModelDirectory { get; set; } = DebianModelRoot + "/en-us";

    /// <summary>The pronunciation dictionary. Default: the Debian package's <c>cmudict-en-us.dict</c> (134k words).</summary>
    public string Dictionary { get; set; } = DebianModelRoot + "/cmudict-en-us.dict";

    /// <summary>The n-gram language model. Default: the Debian package's <c>en-us.lm.bin</c>.</summary>
    public string LanguageModel { get; set; } = DebianModelRoot + "/en-us.lm.bin";

    /// <summary>
    /// Keyphrase-spotting threshold for the checklist phrases (pocketsphinx <c>/1e-20/</c>). Default 1e-20: measured
    /// to find most true phrases with no false alarms; larger exponents (1e-40, 1e-50) start to false-alarm.
    /// </summary>
    public double KeyphraseThreshold { get; set; } = 1e-20;

    /// <summary>
    /// Weight of the per-call domain language model (expected phrases, caller lines and a generic call-centre corpus)
    /// interpolated with the general model; 0 turns biasing off. The interpolation is of LM scores after the language
    /// weight (-lw 6.5), so even small weights bias strongly.
    /// </summary>
    public double DomainModelWeight { get; set; } = 0.3;

    /// <summary>
    /// How loud the top of the phone band (2.8-3.8 kHz) is mirrored above 4 kHz in 8 kHz recordings before decoding,
    /// relative to itself; 0 turns it off. The en-US model was trained on wideband speech and reads an empty band above
    /// 4 kHz as silence where consonants should hiss. Default 1: on the simulated agents' lines in flite rms, awb, kal16
    /// and slt over a phone line (general language model only) word errors fell from 40.6% to 38.5% overall (awb and
    /// slt better, rms a little worse), 39.4% at gain 2; in the evaluation more calls came within 5 points (README).
    /// </summary>
    public double PhoneBandMirrorGain { get; set; } = 1.0;

    /// <summary>
    /// The most HMMs the n-gram search keeps active per 10 ms frame (pocketsphinx <c>-maxhmmpf</c>, its own default
    /// 30000; -1 = no limit): the search's main cost. At 10000 the simulated agents' lines in four voices decoded to the
    /// same words in 85% of the CPU, the evaluation's figures stayed the same and the caller's side lost 8 words in 1,239;
    /// at 5000 the agents' lines started to lose words (README, Benchmarks).
    /// </summary>
    public int MaxActiveHmms { get; set; } = 10000;

    /// <summary>
    /// The most distinct words that may end in one frame (pocketsphinx <c>-maxwpf</c>, its own default -1 = no limit).
    /// Word exits fan out into every following word's lexicon tree, so capping them saves search with no measured loss.
    /// </summary>
    public int MaxWordsPerFrame { get; set; } = 20;

    /// <summary>
    /// An MLLR transform of the acoustic model's means (sphinxtrain <c>mllr_solve</c> output, pocketsphinx <c>-mllr</c>)
    /// applied at load; empty for the model as installed. <c>qashopper model adapt</c> makes one; the default is the one
    /// the repository ships, fitted to the simulated phone line from the tuning set's agent lines
    /// (<see cref="ShippedAdaptation"/>): it cut false fails on both evaluation sets (README, Evaluation).
    /// </summary>
    public string? AdaptationFile { get; set; } = ShippedAdaptation;

    /// <summary>The transform shipped beside the binaries (<c>models/telephone.mllr</c> in the repository).</summary>
    public static string ShippedAdaptation => Path.Combine(AppContext.BaseDirectory, "models", "telephone.mllr");

    /// <summary>
    /// Decoders kept for concurrent calls (each ~100 MB and 0.6 s to start). Default: the processor count, since a
    /// decoder keeps one core busy.
    /// </summary>
    public int MaxDecoders { get; set; } = Environment.ProcessorCount;
}
