using System.Buffers;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using MimeKit;
using SmtpServer;
using SmtpServer.Mail;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace InnovationCases.Tests.Features.Notifications;

/// <summary>
/// A real SMTP server (the SmtpServer package) in the test process on a free port: what the app
/// sends arrives here over TCP. It can be stopped and started on the same port (a server that is
/// down), and told to refuse recipients for good (550).
/// </summary>
public sealed class SmtpTestServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<MimeMessage> _received = new();
    private readonly ConcurrentDictionary<string, bool> _refused = new(StringComparer.OrdinalIgnoreCase);
    private CancellationTokenSource? _stop;
    private Task? _running;

    public SmtpTestServer(bool start = true)
    {
        Port = FreePort();
        if (start)
        {
            Start();
        }
    }

    public int Port { get; }

    public IReadOnlyList<MimeMessage> Received => _received.ToList();

    /// <summary>While true, every message is answered 451 (try again later), as a busy relay does.</summary>
    public bool FailTransiently { get; set; }

    public void Refuse(string address) => _refused[address] = true;

    public void Accept(string address) => _refused.TryRemove(address, out _);

    public void Start()
    {
        var options = new SmtpServerOptionsBuilder().ServerName("localhost").Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Loopback, Port))).Build();
        var provider = new SmtpServer.ComponentModel.ServiceProvider();
        provider.Add(new Store(this));
        provider.Add(new Filter(_refused));
        _stop = new CancellationTokenSource();
        _running = new SmtpServer.SmtpServer(options, provider).StartAsync(_stop.Token);
    }

    public async Task StopAsync()
    {
        if (_stop is null || _running is null)
        {
            return;
        }

        await _stop.CancelAsync();
        try
        {
            await _running;
        }
        catch (OperationCanceledException)
        {
            // Stopping is what was asked for.
        }

        _stop.Dispose();
        _stop = null;
        _running = null;
    }

    public async ValueTask DisposeAsync() => await StopAsync();

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private sealed class Store(SmtpTestServer server) : MessageStore
    {
        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            if (server.FailTransiently)
            {
                return new SmtpResponse((SmtpReplyCode)451, "Try again later");
            }

            await using var stream = new MemoryStream(buffer.ToArray());
            server._received.Enqueue(await MimeMessage.LoadAsync(stream, cancellationToken));
            return SmtpResponse.Ok;
        }
    }

    private sealed class Filter(ConcurrentDictionary<string, bool> refused) : MailboxFilter
    {
        public override Task<bool> CanDeliverToAsync(ISessionContext context, IMailbox to, IMailbox from, CancellationToken cancellationToken) =>
            Task.FromResult(!refused.ContainsKey(to.AsAddress()));
    }
}
