namespace QaShopper.Cli;

/// <summary>
/// Whether a progress bar is drawing on the terminal. Information logs would print over it (and repeat what it shows),
/// so the console logger drops them while one is live; warnings and errors still print.
/// </summary>
internal static class LiveProgress
{
    private static int active;

    public static bool IsActive => Volatile.Read(ref active) > 0;

    /// <summary>Marks a bar live until the result is disposed.</summary>
    public static IDisposable Begin()
    {
        Interlocked.Increment(ref active);
        return new End();
    }

    private sealed class End : IDisposable
    {
        private int disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0)
            {
                Interlocked.Decrement(ref active);
            }
        }
    }
}
