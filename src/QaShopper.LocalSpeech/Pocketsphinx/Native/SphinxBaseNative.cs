using System.Runtime.InteropServices;

namespace QaShopper.LocalSpeech.Pocketsphinx.Native;

/// <summary>
/// The few sphinxbase 5prealpha functions the decoder needs (Debian package libsphinxbase3). Strings returned by the
/// library are owned by it, so they come back as pointers: the generated string marshaller would free them.
/// </summary>
internal static partial class SphinxBaseNative
{
    public const string Library = "libsphinxbase.so.3";

    /// <summary>
    /// <c>cmd_ln_parse_r</c>: argv[0] is the program name, as in <c>main</c>. Used instead of the variadic
    /// <c>cmd_ln_init</c>, whose calling convention P/Invoke cannot express.
    /// </summary>
    [LibraryImport(Library, EntryPoint = "cmd_ln_parse_r", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ParseConfig(IntPtr existing, IntPtr definitions, int argc, string[] argv, int strict);

    [LibraryImport(Library, EntryPoint = "cmd_ln_free_r")]
    public static partial int FreeConfig(IntPtr config);

    /// <summary><c>logmath_exp</c>: a log-domain score of the decoder's logmath base as a linear value.</summary>
    [LibraryImport(Library, EntryPoint = "logmath_exp")]
    public static partial double LogMathExp(IntPtr logmath, int logValue);

    /// <summary><c>err_set_logfp(NULL)</c> disables sphinx logging, which otherwise floods stderr with the configuration.</summary>
    [LibraryImport(Library, EntryPoint = "err_set_logfp")]
    public static partial void SetLogFile(IntPtr file);

    /// <summary><c>ckd_free</c>: frees strings the library allocated for the caller.</summary>
    [LibraryImport(Library, EntryPoint = "ckd_free")]
    public static partial void Free(IntPtr pointer);

    /// <summary><c>ngram_model_read</c>: takes over one reference to <paramref name="logMath"/> (retain it first); applies -lw/-wip/-uw from the configuration.</summary>
    [LibraryImport(Library, EntryPoint = "ngram_model_read", StringMarshalling = StringMarshalling.Utf8)]
    public static partial IntPtr ReadLanguageModel(IntPtr config, string path, int fileType, IntPtr logMath);

    /// <summary><c>ngram_model_set_init</c>: a set interpolating <paramref name="models"/> (retained by the set) with linear weights.</summary>
    [LibraryImport(Library, EntryPoint = "ngram_model_set_init")]
    public static partial IntPtr InitLanguageModelSet(IntPtr config, IntPtr[] models, IntPtr[] names, float[] weights, int count);

    /// <summary><c>ngram_model_free</c>: drops one reference; returns the references left.</summary>
    [LibraryImport(Library, EntryPoint = "ngram_model_free")]
    public static partial int FreeLanguageModel(IntPtr model);

    [LibraryImport(Library, EntryPoint = "ngram_model_retain")]
    public static partial IntPtr RetainLanguageModel(IntPtr model);

    [LibraryImport(Library, EntryPoint = "ngram_model_set_iter")]
    public static partial IntPtr LanguageModelSetIterator(IntPtr set);

    [LibraryImport(Library, EntryPoint = "ngram_model_set_iter_model")]
    public static partial IntPtr LanguageModelSetIteratorModel(IntPtr iterator, out IntPtr name);

    [LibraryImport(Library, EntryPoint = "ngram_model_set_iter_free")]
    public static partial void FreeLanguageModelSetIterator(IntPtr iterator);

    [LibraryImport(Library, EntryPoint = "logmath_retain")]
    public static partial IntPtr RetainLogMath(IntPtr logMath);
}
