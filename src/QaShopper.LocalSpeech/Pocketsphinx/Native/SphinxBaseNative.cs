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
}
