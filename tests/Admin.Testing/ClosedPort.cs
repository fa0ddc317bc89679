using System.Net;
using System.Net.Sockets;

namespace Admin.Testing;

public static class ClosedPort
{
    /// <summary>A loopback port nothing listens on: connecting is refused at once, like a database that is down.</summary>
    public static int Find()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}
