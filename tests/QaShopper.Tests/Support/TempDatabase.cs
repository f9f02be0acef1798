namespace QaShopper.Tests.Support;

/// <summary>A store's data file in its own temporary directory, removed (with its log and lock files) on dispose.</summary>
internal sealed class TempDatabase : IDisposable
{
    public TempDatabase()
    {
        Directory = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "qashopper-tests", Guid.NewGuid().ToString("N"));
        Path = System.IO.Path.Combine(Directory, "store", "qashopper.db");
    }

    public string Directory { get; }

    public string Path { get; }

    public void Dispose()
    {
        if (System.IO.Directory.Exists(Directory))
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
    }
}
