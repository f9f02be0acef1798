namespace QaShopper.LocalSpeech;

/// <summary>Whether a program the speech engines start is there, looked up as the OS would start it.</summary>
internal static class ProgramPath
{
    /// <summary>True when <paramref name="executable"/> has a directory separator and names a file, or is a bare name found on PATH.</summary>
    public static bool Exists(string executable) =>
        IsPath(executable)
            ? File.Exists(executable)
            : (Environment.GetEnvironmentVariable("PATH") ?? string.Empty)
                .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
                .Any(folder => Extensions.Any(ext => File.Exists(Path.Combine(folder, executable + ext))));

    /// <summary>True when <paramref name="executable"/> is a path (checked as given) rather than a name looked up on PATH.</summary>
    public static bool IsPath(string executable) =>
        executable.Contains(Path.DirectorySeparatorChar, StringComparison.Ordinal) || executable.Contains(Path.AltDirectorySeparatorChar, StringComparison.Ordinal);

    private static string[] Extensions => OperatingSystem.IsWindows() ? [string.Empty, ".exe"] : [string.Empty];
}
