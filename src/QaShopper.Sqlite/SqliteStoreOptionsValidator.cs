using Microsoft.Extensions.Options;

namespace QaShopper.Sqlite;

/// <summary>Checks <see cref="SqliteStoreOptions"/> at start-up, with messages that name the setting.</summary>
internal sealed class SqliteStoreOptionsValidator : IValidateOptions<SqliteStoreOptions>
{
    private const string Setting = SqliteStoreOptions.SectionName + ":" + nameof(SqliteStoreOptions.Path);

    public ValidateOptionsResult Validate(string? name, SqliteStoreOptions options)
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
            return $"{Setting} is empty; set it to the SQLite database file, for example '{SqliteStoreOptions.DefaultPath}'.";
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

        // A trailing separator or an existing directory would make SQLite fail later with an opaque "unable to open".
        if (Directory.Exists(fullPath) || path.EndsWith(System.IO.Path.DirectorySeparatorChar) || path.EndsWith(System.IO.Path.AltDirectorySeparatorChar))
        {
            return $"{Setting} '{path}' is a directory; it must name the SQLite database file, for example '{SqliteStoreOptions.DefaultPath}'.";
        }

        return null;
    }
}
