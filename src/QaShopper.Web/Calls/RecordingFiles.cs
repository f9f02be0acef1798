using Microsoft.Extensions.Options;
using QaShopper.Core.Configuration;
using QaShopper.Core.Results;

namespace QaShopper.Web.Calls;

/// <summary>
/// Finds a call's recording for the browser, only inside <c>Recordings:Directory</c>: a stored path that leads
/// anywhere else (an absolute path elsewhere, <c>..</c>, a link out of the folder) is never served.
/// </summary>
public sealed class RecordingFiles(IOptions<RecordingFolderOptions> options)
{
    /// <summary>The recording's full path, or null when the call has none or it lies outside the folder or is gone.</summary>
    public string? Find(CallRecord call)
    {
        if (string.IsNullOrWhiteSpace(call.RecordingPath))
        {
            return null;
        }

        var root = Path.TrimEndingDirectorySeparator(Path.GetFullPath(options.Value.Directory));
        var candidates = new[] { Path.GetFullPath(call.RecordingPath), Path.GetFullPath(Path.Combine(root, Path.GetFileName(call.RecordingPath))) };
        foreach (var full in candidates.Distinct(StringComparer.Ordinal))
        {
            if (!IsInside(root, full) || !File.Exists(full))
            {
                continue;
            }

            // A link inside the folder may point out of it: follow it and check again.
            var target = new FileInfo(full).ResolveLinkTarget(returnFinalTarget: true)?.FullName;
            if (target is null || IsInside(root, target))
            {
                return full;
            }
        }

        return null;
    }

    private static bool IsInside(string root, string path) =>
        path.StartsWith(root + Path.DirectorySeparatorChar, StringComparison.Ordinal);
}
