using System.Runtime.InteropServices;

namespace QaShopper.Cli;

/// <summary>Turns SIGINT, SIGTERM and SIGHUP into a cancellation the running command handles, instead of ending the process.</summary>
internal static class StopSignals
{
    public static IDisposable Register(CancellationTokenSource stop, CliConsole console)
    {
        ArgumentNullException.ThrowIfNull(stop);
        ArgumentNullException.ThrowIfNull(console);
        var registrations = new List<PosixSignalRegistration>();
        var signalled = 0;
        void OnSignal(PosixSignalContext context)
        {
            // The process must not end under a command that is still recording its calls.
            context.Cancel = true;
            if (Interlocked.Increment(ref signalled) == 1)
            {
                console.Error.WriteLine($"qashopper: {context.Signal} received; stopping (no new call is placed)");
                stop.Cancel();
            }
            else
            {
                console.Error.WriteLine("qashopper: already stopping; waiting for the calls in progress to be recorded (SIGKILL abandons them; the next start recovers them)");
            }
        }

        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            try
            {
                registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
            }
            catch (PlatformNotSupportedException)
            {
                // SIGHUP does not exist on Windows; Ctrl+C still arrives as SIGINT there.
            }
        }

        return new Registrations(registrations);
    }

    private sealed class Registrations(List<PosixSignalRegistration> registrations) : IDisposable
    {
        public void Dispose()
        {
            foreach (var registration in registrations)
            {
                registration.Dispose();
            }
        }
    }
}
