using System.Globalization;
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
    private readonly List<string> _biasedSearches = [];
    private string _activeSearch;
    private string? _keyphraseFile;
    private int _searchesCreated;

    private PocketsphinxDecoder(DecoderHandle handle)
    {
        _handle = handle;
        _logMath = PocketsphinxNative.GetLogMath(handle);
        _ngramSearch = Marshal.PtrToStringUTF8(PocketsphinxNative.GetSearch(handle)) ?? "_default";
        _activeSearch = _ngramSearch;
    }

    /// <summary>
    /// Biased n-gram searches a decoder keeps (each holds its own lexicon tree, a few MB; building one takes seconds):
    /// enough for a dozen scenarios, agent and caller side each, so a campaign cycling through them never rebuilds.
    /// </summary>
    public const int MaxBiasedSearches = 24;

    /// <summary>The keyphrase file content last set, so a pool decoder reused for the same checklist skips the rebuild.</summary>
    public string? Keyphrases { get; private set; }

    public static PocketsphinxDecoder Create(PocketsphinxOptions options)
    {
        NativeLibraries.EnsureLoaded();
        var argv = Arguments(options);
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

    /// <summary>The decoder's command line (argv[0] first), as pocketsphinx parses it.</summary>
    internal static string[] Arguments(PocketsphinxOptions options) =>
    [
        "qashopper",
        "-hmm", options.ModelDirectory,
        "-lm", options.LanguageModel,
        "-dict", options.Dictionary,
        "-maxhmmpf", options.MaxActiveHmms.ToString(CultureInfo.InvariantCulture),
        "-maxwpf", options.MaxWordsPerFrame.ToString(CultureInfo.InvariantCulture),
        "-logfn", "/dev/null",
        .. string.IsNullOrWhiteSpace(options.AdaptationFile) ? [] : new[] { "-mllr", options.AdaptationFile },
    ];

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

    /// <summary>
    /// Makes <see cref="Transcribe"/> use the general language model interpolated with a domain model (ARPA text,
    /// weight 0..1), or the general model alone when <paramref name="arpa"/> is null. Searches are cached per model
    /// text and weight, so a pooled decoder reused for the same scenario only switches. Every word of the domain
    /// model must already be in the dictionary (<see cref="AddWord"/>) to be recognised.
    /// </summary>
    public void UseLanguageModel(string? arpa, double weight)
    {
        if (arpa is null || weight <= 0)
        {
            _activeSearch = _ngramSearch;
            return;
        }

        var name = "bias-" + Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes($"{weight:R}\n{arpa}")))[..16];
        if (_biasedSearches.Remove(name))
        {
            _biasedSearches.Add(name);
            _activeSearch = name;
            return;
        }

        CreateBiasedSearch(name, arpa, weight);
        _biasedSearches.Add(name);
        _searchesCreated++;
        while (_biasedSearches.Count > MaxBiasedSearches)
        {
            _ = PocketsphinxNative.UnsetSearch(_handle, _biasedSearches[0]);
            _biasedSearches.RemoveAt(0);
        }

        _activeSearch = name;
    }

    /// <summary>Biased searches built so far (for tests and diagnostics: reuse keeps this down).</summary>
    public int BiasedSearchesCreated => _searchesCreated;

    /// <summary>Transcribes one whole utterance (batch: the cepstral mean comes from the utterance itself).</summary>
    public IReadOnlyList<DecodedWord> Transcribe(ReadOnlySpan<short> samples) => Run(_activeSearch, samples);

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

    private void CreateBiasedSearch(string name, string arpa, double weight)
    {
        var general = GeneralModel();
        var path = Path.Combine(Path.GetTempPath(), $"qashopper-lm-{Environment.ProcessId}-{Guid.NewGuid():N}.arpa");
        var domain = IntPtr.Zero;
        var names = new[] { Marshal.StringToCoTaskMemUTF8("general"), Marshal.StringToCoTaskMemUTF8("domain") };
        try
        {
            File.WriteAllText(path, arpa);
            var config = PocketsphinxNative.GetConfig(_handle);

            // ngram_model_read takes over a reference to the logmath: the decoder keeps its own.
            var logMath = SphinxBaseNative.RetainLogMath(_logMath);
            domain = SphinxBaseNative.ReadLanguageModel(config, path, 0, logMath);
            if (domain == IntPtr.Zero)
            {
                throw new SpeechEngineException("sphinxbase could not read the domain language model");
            }

            var set = SphinxBaseNative.InitLanguageModelSet(config, [general, domain], names, [(float)(1 - weight), (float)weight], 2);
            if (set == IntPtr.Zero)
            {
                throw new SpeechEngineException("sphinxbase could not combine the general and the domain language models");
            }

            // The search retains the set (and the set its models): drop our references either way.
            var result = PocketsphinxNative.SetLanguageModel(_handle, name, set);
            _ = SphinxBaseNative.FreeLanguageModel(set);
            Check(result, "ps_set_lm");
        }
        finally
        {
            if (domain != IntPtr.Zero)
            {
                _ = SphinxBaseNative.FreeLanguageModel(domain);
            }

            foreach (var pointer in names)
            {
                Marshal.FreeCoTaskMem(pointer);
            }

            File.Delete(path);
        }
    }

    /// <summary>The general n-gram model: the only model of the default search's set.</summary>
    private IntPtr GeneralModel()
    {
        var set = PocketsphinxNative.GetLanguageModel(_handle, _ngramSearch);
        var iterator = set == IntPtr.Zero ? IntPtr.Zero : SphinxBaseNative.LanguageModelSetIterator(set);
        if (iterator == IntPtr.Zero)
        {
            throw new SpeechEngineException("pocketsphinx has no general language model to bias");
        }

        var model = SphinxBaseNative.LanguageModelSetIteratorModel(iterator, out _);
        SphinxBaseNative.FreeLanguageModelSetIterator(iterator);
        return model;
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
