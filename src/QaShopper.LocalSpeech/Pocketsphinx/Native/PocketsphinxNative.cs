using System.Runtime.InteropServices;

namespace QaShopper.LocalSpeech.Pocketsphinx.Native;

/// <summary>
/// The pocketsphinx 5prealpha API (Debian package libpocketsphinx3), declared from its header; in this version
/// <c>ps_start_utt</c> takes no utterance id and <c>ps_seg_iter</c> takes only the decoder.
/// </summary>
internal static unsafe partial class PocketsphinxNative
{
    public const string Library = "libpocketsphinx.so.3";

    [LibraryImport(Library, EntryPoint = "ps_args")]
    public static partial IntPtr Arguments();

    [LibraryImport(Library, EntryPoint = "ps_init")]
    public static partial IntPtr Init(IntPtr config);

    [LibraryImport(Library, EntryPoint = "ps_free")]
    public static partial int Free(IntPtr decoder);

    [LibraryImport(Library, EntryPoint = "ps_get_logmath")]
    public static partial IntPtr GetLogMath(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_start_utt")]
    public static partial int StartUtterance(DecoderHandle decoder);

    /// <summary><c>ps_process_raw</c> with 16-bit 16 kHz mono samples.</summary>
    [LibraryImport(Library, EntryPoint = "ps_process_raw")]
    public static partial int ProcessRaw(DecoderHandle decoder, short* samples, nuint count, int noSearch, int fullUtterance);

    [LibraryImport(Library, EntryPoint = "ps_end_utt")]
    public static partial int EndUtterance(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_get_hyp")]
    public static partial IntPtr GetHypothesis(DecoderHandle decoder, out int bestScore);

    [LibraryImport(Library, EntryPoint = "ps_seg_iter")]
    public static partial IntPtr SegmentIterator(DecoderHandle decoder);

    /// <summary><c>ps_seg_next</c>: the next segment, or null at the end (when it frees the iterator itself).</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_next")]
    public static partial IntPtr SegmentNext(IntPtr segment);

    [LibraryImport(Library, EntryPoint = "ps_seg_word")]
    public static partial IntPtr SegmentWord(IntPtr segment);

    [LibraryImport(Library, EntryPoint = "ps_seg_frames")]
    public static partial void SegmentFrames(IntPtr segment, out int startFrame, out int endFrame);

    /// <summary><c>ps_seg_prob</c>: the log posterior of the segment (after a lattice pass), or the detection score in kws mode.</summary>
    [LibraryImport(Library, EntryPoint = "ps_seg_prob")]
    public static partial int SegmentProbability(IntPtr segment, out int acousticScore, out int languageScore, out int languageBackoff);

    [LibraryImport(Library, EntryPoint = "ps_seg_free")]
    public static partial void SegmentFree(IntPtr segment);

    [LibraryImport(Library, EntryPoint = "ps_get_search")]
    public static partial IntPtr GetSearch(DecoderHandle decoder);

    [LibraryImport(Library, EntryPoint = "ps_set_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetSearch(DecoderHandle decoder, string name);

    /// <summary><c>ps_set_kws</c>: a keyphrase-spotting search from a file of <c>phrase /threshold/</c> lines.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_kws", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetKeyphraseFile(DecoderHandle decoder, string name, string path);

    /// <summary><c>ps_add_word</c>: phones are space-separated, upper-case CMU phones; update=1 adds it to the active search.</summary>
    [LibraryImport(Library, EntryPoint = "ps_add_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int AddWord(DecoderHandle decoder, string word, string phones, int update);

    /// <summary><c>ps_lookup_word</c>: the word's phones (freed with ckd_free), or null when not in the dictionary.</summary>
    [LibraryImport(Library, EntryPoint = "ps_lookup_word", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr LookupWord(DecoderHandle decoder, string word);

    [LibraryImport(Library, EntryPoint = "ps_get_config")]
    public static partial IntPtr GetConfig(DecoderHandle decoder);

    /// <summary><c>ps_get_lm</c>: the language-model set of an n-gram search (owned by the search).</summary>
    [LibraryImport(Library, EntryPoint = "ps_get_lm", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr GetLanguageModel(DecoderHandle decoder, string name);

    /// <summary><c>ps_set_lm</c>: adds (or replaces) an n-gram search over <paramref name="model"/>, which the search retains.</summary>
    [LibraryImport(Library, EntryPoint = "ps_set_lm", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int SetLanguageModel(DecoderHandle decoder, string name, IntPtr model);

    [LibraryImport(Library, EntryPoint = "ps_unset_search", StringMarshalling = StringMarshalling.Utf8)]
    public static partial int UnsetSearch(DecoderHandle decoder, string name);
}
