using System.Collections.Concurrent;
using System.Net;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace InnovationCases.Bench;

/// <summary>
/// A board circuit without a browser (B10): what blazor.web.js sends for a prerendered page, and
/// nothing else. It reads the page once (for its component markers and persisted state), negotiates
/// <c>/_blazor</c>, opens the WebSocket with the "blazorpack" protocol, starts the circuit, adds the
/// page's root components, acknowledges every render batch, answers every JS call with "done, no
/// value" and pings. A watched text (a case number) counts as seen when a render batch carries it:
/// the card was rendered, which is when a browser would show it.
/// </summary>
internal sealed partial class LightCircuit : IAsyncDisposable
{
    private readonly ClientWebSocket _socket = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<string, long> _seen = new();
    private readonly ConcurrentDictionary<string, int> _seenBytes = new();
    private readonly ConcurrentDictionary<string, byte[]> _watched = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private Task? _receiving;
    private HttpClient? _http;
    private Uri? _baseUri;
    private string? _circuitId;

    public int Batches { get; private set; }

    public string? Error { get; private set; }

    /// <summary>Opens /board as the signed-in user of <paramref name="cookies"/>; returns once the circuit is started.</summary>
    public static async Task<LightCircuit> OpenAsync(HttpClient http, CookieContainer cookies, Uri baseUri, string path)
    {
        var html = await http.GetStringAsync(new Uri(baseUri, path));
        var markers = Markers().Matches(html).Select(m => JsonNode.Parse(m.Groups[1].Value)!.AsObject())
            .Where(m => m["descriptor"] is not null).ToList();
        var state = State().Match(html) is { Success: true } s ? s.Groups[1].Value : "";

        using var negotiate = await http.PostAsync(new Uri(baseUri, "_blazor/negotiate?negotiateVersion=1"), null);
        negotiate.EnsureSuccessStatusCode();
        var token = JsonNode.Parse(await negotiate.Content.ReadAsStringAsync())!["connectionToken"]!.GetValue<string>();

        var circuit = new LightCircuit { _http = http, _baseUri = baseUri };
        circuit._socket.Options.Cookies = cookies;
        var ws = new UriBuilder(new Uri(baseUri, "_blazor")) { Scheme = baseUri.Scheme == "https" ? "wss" : "ws", Query = "id=" + Uri.EscapeDataString(token) }.Uri;
        await circuit._socket.ConnectAsync(ws, CancellationToken.None);
        await circuit._socket.SendAsync(Encoding.UTF8.GetBytes("{\"protocol\":\"blazorpack\",\"version\":1}\u001e"), WebSocketMessageType.Text, true, CancellationToken.None);
        var started = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        circuit._receiving = circuit.ReceiveAsync(started);

        var operations = new JsonArray();
        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i].DeepClone().AsObject();
            marker["uniqueId"] = i;
            operations.Add(new JsonObject { ["type"] = "add", ["ssrComponentId"] = i + 1, ["marker"] = marker });
        }

        var page = new Uri(baseUri, path).ToString();
        await circuit.SendAsync(BlazorPack.Call("0", "StartCircuit", baseUri.ToString(), page, "[]", state));
        var id = await started.Task.WaitAsync(TimeSpan.FromSeconds(60));
        if (string.IsNullOrEmpty(id))
        {
            throw new InvalidOperationException("The circuit did not start: " + circuit.Error);
        }

        circuit._circuitId = id;

        var batch = new JsonObject { ["batchId"] = 1, ["operations"] = operations };
        await circuit.SendAsync(BlazorPack.Invocation("UpdateRootComponents", batch.ToJsonString(), state));
        return circuit;
    }

    /// <summary>Starts looking for <paramref name="text"/> in the render batches to come.</summary>
    public void Watch(string text) => _watched[text] = Encoding.UTF8.GetBytes(text);

    /// <summary>When (Unix ms) a render batch first carried <paramref name="text"/>; null while not yet.</summary>
    public long? SeenAt(string text) => _seen.TryGetValue(text, out var at) ? at : null;

    /// <summary>The size of the render batch that first carried <paramref name="text"/>: what one change cost this circuit to render and send.</summary>
    public int? SeenBytes(string text) => _seenBytes.TryGetValue(text, out var n) ? n : null;

    /// <summary>SignalR drops a client that sends nothing for 30 s; an idle board sends nothing else.</summary>
    public Task PingAsync() => _socket.State == WebSocketState.Open ? SendAsync(BlazorPack.Ping) : Task.CompletedTask;

    private async Task SendAsync(byte[] message)
    {
        await _sendLock.WaitAsync();
        try
        {
            await _socket.SendAsync(message, WebSocketMessageType.Binary, true, _stop.Token);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task ReceiveAsync(TaskCompletionSource<string> started)
    {
        var buffer = new byte[16 * 1024];
        var pending = new MemoryStream();
        var handshakeDone = false;
        var messages = new List<object?[]>();
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var r = await _socket.ReceiveAsync(buffer, _stop.Token);
                if (r.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                pending.Write(buffer, 0, r.Count);
                if (!r.EndOfMessage)
                {
                    continue;
                }

                var data = pending.GetBuffer().AsSpan(0, (int)pending.Length);
                if (!handshakeDone)
                {
                    var end = data.IndexOf((byte)0x1e);
                    if (end < 0)
                    {
                        continue;
                    }

                    handshakeDone = true;
                    data = data[(end + 1)..];
                }

                messages.Clear();
                var used = BlazorPack.ReadMessages(data, messages);
                var rest = data[used..].ToArray();
                if (pending.Capacity > 64 * 1024)
                {
                    // The first render batch is the largest message; a browser would not keep a buffer
                    // of its size either, and B10a counts this process's heap, client included.
                    pending = new MemoryStream();
                }

                pending.SetLength(0);
                pending.Write(rest);
                foreach (var message in messages)
                {
                    await HandleAsync(message, started);
                }
            }
        }
        catch (OperationCanceledException)
        {
        }
        catch (WebSocketException e)
        {
            Error ??= e.Message;
        }
        finally
        {
            started.TrySetResult("");
        }
    }

    private async Task HandleAsync(object?[] message, TaskCompletionSource<string> started)
    {
        switch (message.ElementAtOrDefault(0))
        {
            case 3L: // completion: only StartCircuit is called
                started.TrySetResult(message.Length > 4 ? message[4] as string ?? "" : "");
                if (message.ElementAtOrDefault(3) is 1L)
                {
                    Error ??= message.ElementAtOrDefault(4) as string;
                }

                return;
            case 7L:
                Error ??= "closed by the server: " + message.ElementAtOrDefault(1);
                return;
            case not 1L:
                return;
        }

        var args = message.ElementAtOrDefault(4) as object?[] ?? [];
        switch (message.ElementAtOrDefault(3) as string)
        {
            case "JS.RenderBatch":
                var id = (long)args[0]!;
                var bytes = (byte[])args[1]!;
                Batches++;
                foreach (var (text, pattern) in _watched)
                {
                    if (!_seen.ContainsKey(text) && bytes.AsSpan().IndexOf(pattern) >= 0)
                    {
                        _seenBytes[text] = bytes.Length;
                        _seen[text] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
                    }
                }

                await SendAsync(BlazorPack.Invocation("OnRenderCompleted", id, null));
                break;
            case "JS.BeginInvokeJS":
                var handle = (long)args[0]!;
                if (handle != 0)
                {
                    await SendAsync(BlazorPack.Invocation("EndInvokeJSFromDotNet", handle, true, $"[{handle},true,null]"));
                }

                break;
            case "JS.Error":
                Error ??= args.ElementAtOrDefault(0) as string;
                break;
        }
    }

    /// <summary>Closes as a browser leaving the page does: the disconnect beacon ends the circuit at once.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_http is not null && _circuitId is not null)
        {
            using var form = new FormUrlEncodedContent([new("circuitId", _circuitId)]);
            using var _ = await _http.PostAsync(new Uri(_baseUri!, "_blazor/disconnect"), form);
        }

        try
        {
            if (_socket.State == WebSocketState.Open)
            {
                await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(5));
            }
        }
        catch (Exception e) when (e is WebSocketException or TimeoutException)
        {
        }

        await _stop.CancelAsync();
        if (_receiving is not null)
        {
            await _receiving;
        }

        _socket.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    [GeneratedRegex("<!--Blazor:(\\{.*?\\})-->", RegexOptions.Singleline)]
    private static partial Regex Markers();

    [GeneratedRegex("<!--Blazor-Server-Component-State:(.*?)-->", RegexOptions.Singleline)]
    private static partial Regex State();
}
