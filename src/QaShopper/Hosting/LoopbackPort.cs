using System.Net;
using System.Net.Sockets;

namespace QaShopper.Hosting;

/// <summary>Free ports on 127.0.0.1, for the loopback servers a rehearsal or a benchmark starts.</summary>
internal static class LoopbackPort
{
    /// <summary>A port the system chose and released: the caller binds it a moment later (loopback only, so the race is ours alone).</summary>
    public static int Free()
    {
        using var socket = new TcpListener(IPAddress.Loopback, 0);
        socket.Start();
        return ((IPEndPoint)socket.LocalEndpoint).Port;
    }
}
