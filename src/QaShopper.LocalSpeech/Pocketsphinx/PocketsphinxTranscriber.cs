using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using QaShopper.Audio;
using QaShopper.Core.Ports;
using QaShopper.Core.Scenarios;
using QaShopper.Core.Transcripts;

namespace QaShopper.LocalSpeech.Pocketsphinx;

/// <summary>
/// Offline transcription of two-channel call recordings with pocketsphinx (Debian packages), called in-process.
/// Each channel is cut into utterances by <see cref="VoiceActivityDetector"/> and each utterance decoded whole, so
/// the cepstral mean comes from the utterance itself; that keeps the first utterance (the greeting) on phone audio,
/// which continuous decoding loses. The request's hint phrases are also spotted on the agent's side and merged into
/// its words. Thread-safe; decoders are pooled and reused across calls.
/// </summary>
public sealed class PocketsphinxTranscriber : ITranscriber, IWarmUpTranscriber, IDisposable
{
    /// <summary>The acoustic model's sample rate: 8 kHz phone audio is upsampled to it.</summary>
    public const int ModelSampleRate = 16000;

    private readonly PocketsphinxOptions _options;
    private readonly VoiceActivityOptions _voiceActivity;
    private readonly ILogger _logger;
    private readonly DecoderPool _pool;
    private readonly Lazy<HashSet<string>> _dictionaryWords;
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _domainModels = new(StringComparer.Ordinal);

    /// <summary>Creates the transcriber; native libraries and the model are loaded at first use.</summary>
    public PocketsphinxTranscriber(PocketsphinxOptions options, ILogger<PocketsphinxTranscriber>? logger = null, VoiceActivityOptions? voiceActivity = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        var errors = PocketsphinxOptionsValidator.Check(options);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", errors), nameof(options));
        }

        _options = options;
        _voiceActivity = voiceActivity ?? new VoiceActivityOptions();
        _voiceActivity.Validate();
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _pool = new DecoderPool(CreateDecoder, options.MaxDecoders);
        _dictionaryWords = new Lazy<HashSet<string>>(LoadDictionaryWords);
    }

    /// <inheritdoc />
    public string Engine => "pocketsphinx";

    /// <summary>Decoders started so far; they are reused, so this stays at the number of concurrent calls.</summary>
    internal int DecodersCreated => _pool.Created;

    /// <inheritdoc />
    public bool Supports(string locale) =>
        locale is not null && LocalLanguages.IsEnglish(locale);

    /// <summary>
    /// The words of <paramref name="phrases"/> that the pronunciation dictionary lacks (lower-case, digits spelled
    /// out). They still work as hints, with a pronunciation guessed by flite, but guesses are less reliable.
    /// </summary>
    public IReadOnlyList<string> UnknownWords(IEnumerable<string> phrases)
    {
        ArgumentNullException.ThrowIfNull(phrases);
        var dictionary = _dictionaryWords.Value;
        return [.. phrases
            .Select(SpottablePhrases.Prepare)
            .Where(p => p.Words is not null)
            .SelectMany(p => p.Words!)
            .Where(w => !dictionary.Contains(w))
            .Distinct(StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<Transcript> TranscribeAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.AgentChannel is not (1 or 2))
        {
            throw new ArgumentOutOfRangeException(nameof(request), request.AgentChannel, "AgentChannel must be 1 or 2");
        }

        if (!Supports(request.Locale))
        {
            throw new SpeechEngineException($"pocketsphinx has only a US English model here; it cannot transcribe locale '{request.Locale}'");
        }

        return await TranscribeAsync(WavFile.Read(request.RecordingPath).ToTwoChannel(request.RecordingPath), request, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Loads a decoder and builds the request's searches by transcribing a second of silence the same way as a call:
    /// what is built is cached per decoder, so the first real call of the scenario finds it ready.
    /// </summary>
    public async Task WarmUpAsync(TranscriptionRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var silence = new float[TelephoneLine.SampleRate];
        await TranscribeAsync(new TwoChannelAudio(TelephoneLine.SampleRate, silence, silence), request, cancellationToken).ConfigureAwait(false);
    }

    private async Task<Transcript> TranscribeAsync(TwoChannelAudio audio, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        using var lease = await _pool.RentAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await Task.Run(() => Transcribe(lease.Decoder, audio, request, cancellationToken), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A decoder that failed mid-utterance may be in any state: start a fresh one next time.
            lease.Discard();
            throw;
        }
    }

    /// <inheritdoc />
    public void Dispose() => _pool.Dispose();

    private Transcript Transcribe(PocketsphinxDecoder decoder, TwoChannelAudio audio, TranscriptionRequest request, CancellationToken cancellationToken)
    {
        var compounds = new Dictionary<string, string>(StringComparer.Ordinal);
        var hints = CompoundWords.Split(request.HintPhrases, _dictionaryWords.Value, compounds);
        // The caller's side is our own speech reading the script: decoded only when an item listens to its words
        // (or the script is unknown); otherwise timed from the audio and labelled with the lines, at a fraction of the cost.
        var decodeCaller = request.CallerWordsNeeded || request.CallerScript.Count == 0;
        IReadOnlyList<string> callerLines = decodeCaller ? CompoundWords.Split(request.CallerLines, _dictionaryWords.Value, compounds) : [];
        var spotting = PrepareHints(decoder, hints, request.WatchPhrases);
        AddUnknownWords(decoder, callerLines);

        // Names from the roster are context for the agent's decode only: never spotted, so never inserted. The
        // scenario's own ways of giving a name come with the usual ones.
        IReadOnlyList<string> agentContext = [.. hints, .. IntroductionsOf(request.AgentNames), .. request.NameIntroductions];
        AddUnknownWords(decoder, agentContext);
        var watched = (request.WatchPhrases ?? []).Select(p => SpottablePhrases.Prepare(p).Words).OfType<string[]>().ToList();
        var segments = new List<TranscriptSegment>();
        var callerChannel = request.AgentChannel == 1 ? 2 : 1;
        if (!decodeCaller)
        {
            segments.AddRange(CallerScriptAligner.Align(VoiceActivityDetector.Detect(audio.Channel(callerChannel), _voiceActivity), request.CallerScript));
        }

        foreach (var (speaker, channel) in decodeCaller
            ? new[] { (Speaker.Agent, request.AgentChannel), (Speaker.Caller, callerChannel) }
            : [(Speaker.Agent, request.AgentChannel)])
        {
            // Hints are the agent's checklist; the caller's lines come from the scenario and need no help.
            var utterances = new UtteranceTranscriber(decoder, spotting && speaker == Speaker.Agent, speaker == Speaker.Agent ? watched : null, compounds);
            decoder.UseLanguageModel(speaker == Speaker.Agent ? DomainModel(agentContext, evenNumbers: true) : DomainModel(callerLines, evenNumbers: false), _options.DomainModelWeight);
            var timer = Stopwatch.StartNew();
            var clip = audio.Channel(channel);
            var spans = VoiceActivityDetector.Detect(clip, _voiceActivity);
            var speech = ForModel(clip, _options.PhoneBandMirrorGain);
            foreach (var span in spans)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (utterances.Transcribe(speech, span, speaker) is { } segment)
                {
                    segments.Add(segment);
                }
            }

            if (_logger.IsEnabled(LogLevel.Debug))
            {
                _logger.ChannelTranscribed(speaker.ToString(), spans.Count, spans.Sum(s => s.Duration), timer.ElapsedMilliseconds);
            }
        }

        segments.Sort((a, b) => a.Start.CompareTo(b.Start));
        return new Transcript(request.AnsweredAfter, audio.Duration.TotalSeconds, segments);
    }

    /// <summary>The channel at the model's rate; phone-line audio with its top band mirrored above 4 kHz (<see cref="PocketsphinxOptions.PhoneBandMirrorGain"/>).</summary>
    internal static AudioClip ForModel(AudioClip channel, double mirrorGain)
    {
        var speech = channel.ResampleTo(ModelSampleRate);
        return channel.SampleRate == TelephoneLine.SampleRate
            ? TelephoneBandExtension.Apply(speech, mirrorGain)
            : speech;
    }

    /// <summary>How agents introduce themselves, for each first name on the roster.</summary>
    private static IEnumerable<string> IntroductionsOf(IReadOnlyList<string>? names) =>
        (names ?? [])
            .Select(n => n.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault())
            .OfType<string>()
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .SelectMany(first => new[] { $"my name is {first}", $"this is {first}", $"you're speaking to {first}" });

    /// <summary>
    /// The ARPA text of the domain model for these phrases (cached: scenarios repeat), null when biasing is off. The
    /// agent's model holds the checklist's phrases with their numbers evened out (the agent may give wrong ones); the
    /// caller's holds the script's lines as they are.
    /// </summary>
    private string? DomainModel(IReadOnlyList<string>? phrases, bool evenNumbers)
    {
        if (_options.DomainModelWeight <= 0)
        {
            return null;
        }

        var key = (evenNumbers ? "even\n" : "as-is\n") + string.Join('\n', phrases ?? []);
        return _domainModels.GetOrAdd(key, _ => ArpaWriter.Write(DomainCorpus.Sentences(phrases ?? [], evenNumbers)));
    }

    private void AddUnknownWords(PocketsphinxDecoder decoder, IReadOnlyList<string>? phrases)
    {
        foreach (var word in (phrases ?? []).Select(SpottablePhrases.Prepare).Where(p => p.Words is not null).SelectMany(p => p.Words!).Distinct(StringComparer.Ordinal))
        {
            if (!decoder.IsKnown(word))
            {
                var phones = PronunciationGuesser.Phones(word);
                decoder.AddWord(word, phones);
                _logger.WordAdded(word, phones);
            }
        }
    }

    /// <summary>Sets the spotter's phrases (adding unknown words to the dictionary); false when none can be spotted.</summary>
    private bool PrepareHints(PocketsphinxDecoder decoder, IReadOnlyList<string>? expected, IReadOnlyList<string>? watched)
    {
        var lines = new SortedSet<string>(StringComparer.Ordinal);
        var expectedSet = new HashSet<string>(expected ?? [], StringComparer.Ordinal);
        foreach (var phrase in (expected ?? []).Concat(watched ?? []))
        {
            var (words, reason) = SpottablePhrases.Prepare(phrase);
            if (words is null)
            {
                _logger.HintSkipped(phrase, reason!);
                continue;
            }

            foreach (var word in words.Where(w => !decoder.IsKnown(w)))
            {
                var phones = PronunciationGuesser.Phones(word);
                decoder.AddWord(word, phones);
                _logger.WordAdded(word, phones);
            }

            lines.UnionWith(SpottedForms(words, expectedSet.Contains(phrase)));
        }

        if (lines.Count == 0)
        {
            return false;
        }

        decoder.SetKeyphrases(string.Concat(lines.Select(l => $"{l} /{ThresholdFor(l).ToString("0.###e+0", CultureInfo.InvariantCulture)}/\n")));
        return true;
    }

    /// <summary>
    /// The word sequences spotted for one phrase. The start of an utterance is where recognition suffers most ("thank
    /// you for calling" heard as "can you for calling"): a long expected phrase is also spotted by its last four words,
    /// and the scorer's fuzzy match bridges the first one. Never for forbidden phrases: a partial match must not fail a call.
    /// </summary>
    internal static IEnumerable<string> SpottedForms(string[] words, bool expected)
    {
        yield return string.Join(' ', words);
        if (expected && words.Length >= TailMinimumWords)
        {
            yield return string.Join(' ', words[^TailWords..]);
        }
    }

    /// <summary>Expected phrases of at least this many words are also spotted by their tail.</summary>
    private const int TailMinimumWords = 5;

    /// <summary>How many words of a long phrase's end are spotted on their own.</summary>
    private const int TailWords = 4;

    /// <summary>
    /// The spotting threshold of one phrase. Short phrases have few phones and match by chance far more often: with
    /// 1e-20 for every phrase, flite slt's "downtown" and "i can help" were spotted as "calm down". The configured
    /// threshold applies from four words up; shorter phrases get a proportionally smaller exponent (1e-10 for two words).
    /// </summary>
    private double ThresholdFor(string phrase)
    {
        var words = phrase.Count(c => c == ' ') + 1;
        return Math.Pow(_options.KeyphraseThreshold, Math.Min(1.0, words / 4.0));
    }

    private PocketsphinxDecoder CreateDecoder()
    {
        ModelFiles.EnsureExist(_options);
        var timer = Stopwatch.StartNew();
        var decoder = PocketsphinxDecoder.Create(_options);
        _logger.DecoderCreated(timer.ElapsedMilliseconds, _pool.Created + 1);
        return decoder;
    }

    private HashSet<string> LoadDictionaryWords()
    {
        ModelFiles.EnsureExist(_options);
        var words = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(_options.Dictionary))
        {
            var end = line.IndexOfAny([' ', '\t', '(']);
            if (end > 0)
            {
                words.Add(line[..end]);
            }
        }

        return words;
    }
}
