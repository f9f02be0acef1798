using System.Runtime.InteropServices;
using QaShopper.Core.Ports;

namespace QaShopper.LocalSpeech.Pocketsphinx.Native;

/// <summary>Loads the native libraries once, turning a missing package into an error that says what to install.</summary>
internal static class NativeLibraries
{
    private const string Install = "install the Debian packages pocketsphinx libpocketsphinx3 pocketsphinx-en-us";

    private static readonly Lazy<string?> LoadError = new(Load);

    public static void EnsureLoaded()
    {
        if (LoadError.Value is { } error)
        {
            throw new SpeechEngineException(error);
        }
    }

    private static string? Load()
    {
        foreach (var library in new[] { SphinxBaseNative.Library, PocketsphinxNative.Library })
        {
            if (!NativeLibrary.TryLoad(library, out _))
            {
                return $"{library} not found: {Install}";
            }
        }

        // Logging off for the whole process: the configuration dump goes to stderr before -logfn takes effect.
        SphinxBaseNative.SetLogFile(IntPtr.Zero);
        return null;
    }
}
