using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace QaShopper.Web.Security;

/// <summary>
/// Limits failed sign-ins, per user name and per client address, to <see cref="WebOptions.SignInAttempts"/> within
/// <see cref="WebOptions.SignInWindow"/>. Only failures count, so a user who signs in correctly is never held back by
/// their own successful sign-ins, and a guesser is stopped whichever of the two they vary. Written here rather than
/// with ASP.NET's rate limiter because that counts every request, not only failed ones, and keeps its own timer
/// instead of the <see cref="TimeProvider"/> the tests drive.
/// </summary>
public sealed class SignInThrottle(IOptions<WebOptions> options, TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, Queue<DateTimeOffset>> failures = new(StringComparer.Ordinal);

    /// <summary>Whether another attempt is allowed now; when not, how long until one is.</summary>
    public bool IsAllowed(string userName, string clientAddress, out TimeSpan retryAfter)
    {
        var now = clock.GetUtcNow();
        retryAfter = TimeSpan.Zero;
        foreach (var key in Keys(userName, clientAddress))
        {
            if (failures.TryGetValue(key, out var times))
            {
                lock (times)
                {
                    Expire(times, now);
                    if (times.Count >= options.Value.SignInAttempts)
                    {
                        var wait = times.Peek() + options.Value.SignInWindow - now;
                        retryAfter = wait > retryAfter ? wait : retryAfter;
                    }
                }
            }
        }

        return retryAfter == TimeSpan.Zero;
    }

    /// <summary>Counts a failed attempt.</summary>
    public void Failed(string userName, string clientAddress)
    {
        var now = clock.GetUtcNow();
        foreach (var key in Keys(userName, clientAddress))
        {
            var times = failures.GetOrAdd(key, _ => new Queue<DateTimeOffset>());
            lock (times)
            {
                Expire(times, now);
                times.Enqueue(now);
            }
        }
    }

    private void Expire(Queue<DateTimeOffset> times, DateTimeOffset now)
    {
        while (times.Count > 0 && times.Peek() + options.Value.SignInWindow <= now)
        {
            times.Dequeue();
        }
    }

    private static string[] Keys(string userName, string clientAddress) =>
        ["user:" + userName.Trim().ToLowerInvariant(), "address:" + clientAddress];
}
