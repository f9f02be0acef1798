using Microsoft.Extensions.Options;

namespace QaShopper.LiteDb;

/// <summary>Checks <see cref="LiteDbStoreOptions"/> at start-up, with messages that name the setting.</summary>
internal sealed class LiteDbStoreOptionsValidator : IValidateOptions<LiteDbStoreOptions>
{
    private const string Setting = LiteDbStoreOptions.SectionName + ":" + nameof(LiteDbStoreOptions.Path);

    public ValidateOptionsResult Validate(string? name, LiteDbStoreOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var error = Check(options.Path);
        return error is null ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(error);
    }

    /// <summary>Returns what is wrong with <paramref name="path"/> as a database file, or null when it is usable.</summary>
    internal static string? Check(string? path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            return $"{Setting} is empty; set it to the database file, for example '{LiteDbStoreOptions.DefaultPath}'.";
        }

        string fullPath;
        try
        {
            fullPath = System.IO.Path.GetFullPath(path);
        }
        catch (Exception ex) when (ex is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return $"{Setting} '{path}' is not a valid file path: {ex.Message}";
        }

        // LiteDB would fail later with an access error that does not say which setting is wrong.
        if (Directory.Exists(fullPath) || path.EndsWith(System.IO.Path.DirectorySeparatorChar) || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar))
        {
            return $"{Setting} '{path}' is a directory; it must name the database file, for example '{LiteDbStoreOptions.DefaultPath}'.";
        }

        return null;
    }
}
