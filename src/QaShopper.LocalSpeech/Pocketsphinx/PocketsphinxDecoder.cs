using System.Runtime.InteropServices;
using QaShopper.Core.Ports;
using QaShopper.LocalSpeech.Pocketsphinx.Native;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>A word (or spotted phrase) from the decoder: frames are 10 ms from the start of the utterance.</summary>
internal readonly record struct DecodedWord(string Text, int StartFrame, int EndFrame, double Probability);

/// <summary>
/// One pocketsphinx decoder: an n-gram search for transcription and, when hints are set, a keyphrase-spotting search
/// over the same acoustic model. Not thread-safe: <see cref="DecoderPool"/> lends it to one call at a time.
/// </summary>
internal sealed class PocketsphinxDecoder : IDisposable
{
    /// <summary>pocketsphinx's default frame rate (<c>-frate 100</c>).</summary>
    public const double FramesPerSecond = 100;

    private const string SpottingSearch = "hints";

    private readonly DecoderHandle _handle;
    private readonly IntPtr _logMath;
    private readonly string _ngramSearch;
    private string? _keyphraseFile;

    private PocketsphinxDecoder(DecoderHandle handle)
    {
        _handle = handle;
        _logMath = PocketsphinxNative.GetLogMath(handle);
        _ngramSearch = Marshal.PtrToStringUTF8(PocketsphinxNative.GetSearch(handle)) ?? "_default";
    }

    /// <summary>The keyphrase file content last set, so a pool decoder reused for the same checklist skips the rebuild.</summary>
    public string? Keyphrases { get; private set; }

    public static PocketsphinxDecoder Create(PocketsphinxOptions options)
    {
        NativeLibraries.EnsureLoaded();
        string[] argv =
        [
            "qashopper",
            "-hmm", options.ModelDirectory,
            "-lm", options.LanguageModel,
            "-dict", options.Dictionary,
            "-logfn", "/dev/null",
        ];
        var config = SphinxBaseNative.ParseConfig(IntPtr.Zero, PocketsphinxNative.Arguments(), argv.Length, argv, 1);
        if (config == IntPtr.Zero)
        {
            throw new SpeechEngineException($"pocketsphinx rejected its configuration: {string.Join(' ', argv[1..])}");
        }

        try
        {
            var decoder = PocketsphinxNative.Init(config);
            return decoder == IntPtr.Zero
                ? throw new SpeechEngineException($"pocketsphinx could not load the model ({options.ModelDirectory}, {options.LanguageModel}, {options.Dictionary}); reinstall the Debian package pocketsphinx-en-us")
                : new PocketsphinxDecoder(DecoderHandle.FromPointer(decoder));
        }
        finally
        {
            // ps_init keeps its own reference to the configuration.
            _ = SphinxBaseNative.FreeConfig(config);
        }
    }

    /// <summary>True when the dictionary (including words added at run time) has the word.</summary>
    public bool IsKnown(string word)
    {
        var phones = PocketsphinxNative.LookupWord(_handle, word);
        if (phones == IntPtr.Zero)
        {
            return false;
        }

        SphinxBaseNative.Free(phones);
        return true;
    }

    /// <summary>Adds a word with its phones (upper-case CMU phones, space-separated) to the dictionary and the language model.</summary>
    public void AddWord(string word, string phones)
    {
        if (PocketsphinxNative.AddWord(_handle, word, phones, 1) < 0)
        {
            throw new SpeechEngineException($"pocketsphinx could not add the word '{word}' with phones '{phones}'");
        }
    }

    /// <summary>Sets the phrases to spot, as lines of a pocketsphinx keyphrase file (<c>phrase /1e-20/</c>).</summary>
    public void SetKeyphrases(string keyphraseFileContent)
    {
        if (keyphraseFileContent == Keyphrases)
        {
            return;
        }

        _keyphraseFile ??= Path.Combine(Path.GetTempPath(), $"qashopper-kws-{Environment.ProcessId}-{Guid.NewGuid():N}.txt");
        File.WriteAllText(_keyphraseFile, keyphraseFileContent);
        if (PocketsphinxNative.SetKeyphraseFile(_handle, SpottingSearch, _keyphraseFile) < 0)
        {
            Keyphrases = null;
            throw new SpeechEngineException("pocketsphinx rejected the hint phrases (a word missing from the dictionary?)");
        }

        Keyphrases = keyphraseFileContent;
    }

    /// <summary>Transcribes one whole utterance (batch: the cepstral mean comes from the utterance itself).</summary>
    public IReadOnlyList<DecodedWord> Transcribe(ReadOnlySpan<short> samples) => Run(_ngramSearch, samples);

    /// <summary>Spots the phrases set by <see cref="SetKeyphrases"/> in one utterance; each result is a whole phrase.</summary>
    public IReadOnlyList<DecodedWord> Spot(ReadOnlySpan<short> samples) =>
        Keyphrases is null ? throw new InvalidOperationException("no keyphrases set") : Run(SpottingSearch, samples);

    public void Dispose()
    {
        _handle.Dispose();
        if (_keyphraseFile is not null)
        {
            File.Delete(_keyphraseFile);
        }
    }

    private unsafe List<DecodedWord> Run(string search, ReadOnlySpan<short> samples)
    {
        Check(PocketsphinxNative.SetSearch(_handle, search), "ps_set_search");
        Check(PocketsphinxNative.StartUtterance(_handle), "ps_start_utt");
        fixed (short* pointer = samples)
        {
            Check(PocketsphinxNative.ProcessRaw(_handle, pointer, (nuint)samples.Length, 0, 1), "ps_process_raw");
        }

        Check(PocketsphinxNative.EndUtterance(_handle), "ps_end_utt");
        var words = new List<DecodedWord>();
        if (PocketsphinxNative.GetHypothesis(_handle, out _) == IntPtr.Zero)
        {
            return words;
        }

        for (var segment = PocketsphinxNative.SegmentIterator(_handle); segment != IntPtr.Zero; segment = PocketsphinxNative.SegmentNext(segment))
        {
            var text = Marshal.PtrToStringUTF8(PocketsphinxNative.SegmentWord(segment)) ?? string.Empty;
            PocketsphinxNative.SegmentFrames(segment, out var start, out var end);
            var logProbability = PocketsphinxNative.SegmentProbability(segment, out _, out _, out _);
            words.Add(new DecodedWord(text, start, end, SphinxBaseNative.LogMathExp(_logMath, logProbability)));
        }

        return words;
    }

    private static void Check(int result, string function)
    {
        if (result < 0)
        {
            throw new SpeechEngineException($"pocketsphinx failed in {function} ({result})");
        }
    }
}
