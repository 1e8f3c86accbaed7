using System.Buffers.Binary;
using System.Text;

namespace InnovationCases.Bench;

/// <summary>
/// The little of MessagePack and SignalR's binary framing that a Blazor hub client needs
/// ("blazorpack" is SignalR's MessagePack hub protocol under another name): writing invocations
/// and pings, and reading any message into plain .NET values (long, string, bool, byte[], object?[],
/// Dictionary). Each message is prefixed with its length as a 7-bit varint.
/// </summary>
internal static class BlazorPack
{
    public static byte[] Invocation(string target, params object?[] args)
    {
        var body = new List<byte>();
        ArrayHeader(body, 5);
        Int(body, 1); // invocation
        body.Add(0x80); // no headers
        body.Add(0xc0); // no invocation id: fire and forget
        Str(body, target);
        ArrayHeader(body, args.Length);
        foreach (var arg in args)
        {
            switch (arg)
            {
                case null: body.Add(0xc0); break;
                case bool b: body.Add(b ? (byte)0xc3 : (byte)0xc2); break;
                case long l: Int(body, l); break;
                case int i: Int(body, i); break;
                case string s: Str(body, s); break;
                default: throw new ArgumentException($"Cannot write {arg.GetType()}.");
            }
        }

        return Framed(body);
    }

    /// <summary>An invocation that expects a completion with <paramref name="id"/>.</summary>
    public static byte[] Call(string id, string target, params string[] args)
    {
        var body = new List<byte>();
        ArrayHeader(body, 5);
        Int(body, 1);
        body.Add(0x80);
        Str(body, id);
        Str(body, target);
        ArrayHeader(body, args.Length);
        foreach (var arg in args)
        {
            Str(body, arg);
        }

        return Framed(body);
    }

    public static readonly byte[] Ping = Framed([0x91, 0x06]);

    /// <summary>Reads whole messages from <paramref name="buffer"/>; returns how many bytes were used.</summary>
    public static int ReadMessages(ReadOnlySpan<byte> buffer, List<object?[]> messages)
    {
        var used = 0;
        while (true)
        {
            var rest = buffer[used..];
            var length = 0;
            var shift = 0;
            var i = 0;
            while (true)
            {
                if (i >= rest.Length || i > 4)
                {
                    return used;
                }

                var b = rest[i++];
                length |= (b & 0x7f) << shift;
                shift += 7;
                if ((b & 0x80) == 0)
                {
                    break;
                }
            }

            if (rest.Length - i < length)
            {
                return used;
            }

            var position = 0;
            var message = Read(rest.Slice(i, length), ref position);
            messages.Add(message as object?[] ?? []);
            used += i + length;
        }
    }

    private static object? Read(ReadOnlySpan<byte> s, ref int p)
    {
        var b = s[p++];
        switch (b)
        {
            case <= 0x7f: return (long)b;
            case >= 0xe0: return (long)(sbyte)b;
            case >= 0xa0 and <= 0xbf: return Text(s, ref p, b & 0x1f);
            case >= 0x90 and <= 0x9f: return Array(s, ref p, b & 0x0f);
            case >= 0x80 and <= 0x8f: return Map(s, ref p, b & 0x0f);
        }

        switch (b)
        {
            case 0xc0: return null;
            case 0xc2: return false;
            case 0xc3: return true;
            case 0xc4: return Bytes(s, ref p, s[p++]);
            case 0xc5: return Bytes(s, ref p, U16(s, ref p));
            case 0xc6: return Bytes(s, ref p, (int)U32(s, ref p));
            case 0xca: p += 4; return 0L;
            case 0xcb: p += 8; return 0L;
            case 0xcc: return (long)s[p++];
            case 0xcd: return (long)U16(s, ref p);
            case 0xce: return (long)U32(s, ref p);
            case 0xcf: { var v = BinaryPrimitives.ReadUInt64BigEndian(s[p..]); p += 8; return (long)v; }
            case 0xd0: return (long)(sbyte)s[p++];
            case 0xd1: { var v = BinaryPrimitives.ReadInt16BigEndian(s[p..]); p += 2; return (long)v; }
            case 0xd2: { var v = BinaryPrimitives.ReadInt32BigEndian(s[p..]); p += 4; return (long)v; }
            case 0xd3: { var v = BinaryPrimitives.ReadInt64BigEndian(s[p..]); p += 8; return v; }
            case 0xd9: return Text(s, ref p, s[p++]);
            case 0xda: return Text(s, ref p, U16(s, ref p));
            case 0xdb: return Text(s, ref p, (int)U32(s, ref p));
            case 0xdc: return Array(s, ref p, U16(s, ref p));
            case 0xdd: return Array(s, ref p, (int)U32(s, ref p));
            case 0xde: return Map(s, ref p, U16(s, ref p));
            case 0xdf: return Map(s, ref p, (int)U32(s, ref p));
            case 0xd4: p += 2; return null; // fixext: not used by the hub protocol
            case 0xd5: p += 3; return null;
            case 0xd6: p += 5; return null;
            case 0xd7: p += 9; return null;
            case 0xd8: p += 17; return null;
            case 0xc7: { int n = s[p]; p += 2 + n; return null; }
            case 0xc8: { int n = BinaryPrimitives.ReadUInt16BigEndian(s[p..]); p += 3 + n; return null; }
            case 0xc9: { var n = (int)BinaryPrimitives.ReadUInt32BigEndian(s[p..]); p += 5 + n; return null; }
            default: throw new InvalidDataException($"MessagePack code 0x{b:x2} is not read here.");
        }
    }

    private static int U16(ReadOnlySpan<byte> s, ref int p)
    {
        var v = BinaryPrimitives.ReadUInt16BigEndian(s[p..]);
        p += 2;
        return v;
    }

    private static uint U32(ReadOnlySpan<byte> s, ref int p)
    {
        var v = BinaryPrimitives.ReadUInt32BigEndian(s[p..]);
        p += 4;
        return v;
    }

    private static string Text(ReadOnlySpan<byte> s, ref int p, int n)
    {
        var v = Encoding.UTF8.GetString(s.Slice(p, n));
        p += n;
        return v;
    }

    private static byte[] Bytes(ReadOnlySpan<byte> s, ref int p, int n)
    {
        var v = s.Slice(p, n).ToArray();
        p += n;
        return v;
    }

    private static object?[] Array(ReadOnlySpan<byte> s, ref int p, int n)
    {
        var items = new object?[n];
        for (var i = 0; i < n; i++)
        {
            items[i] = Read(s, ref p);
        }

        return items;
    }

    private static Dictionary<string, object?> Map(ReadOnlySpan<byte> s, ref int p, int n)
    {
        var map = new Dictionary<string, object?>();
        for (var i = 0; i < n; i++)
        {
            var key = Read(s, ref p)?.ToString() ?? "";
            map[key] = Read(s, ref p);
        }

        return map;
    }

    private static void ArrayHeader(List<byte> o, int n)
    {
        if (n < 16)
        {
            o.Add((byte)(0x90 | n));
        }
        else
        {
            o.Add(0xdc);
            o.Add((byte)(n >> 8));
            o.Add((byte)n);
        }
    }

    private static void Int(List<byte> o, long v)
    {
        if (v is >= 0 and <= 0x7f)
        {
            o.Add((byte)v);
            return;
        }

        o.Add(0xd3);
        Span<byte> b = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(b, v);
        o.AddRange(b.ToArray());
    }

    private static void Str(List<byte> o, string v)
    {
        var bytes = Encoding.UTF8.GetBytes(v);
        if (bytes.Length < 32)
        {
            o.Add((byte)(0xa0 | bytes.Length));
        }
        else if (bytes.Length <= 0xff)
        {
            o.Add(0xd9);
            o.Add((byte)bytes.Length);
        }
        else if (bytes.Length <= 0xffff)
        {
            o.Add(0xda);
            o.Add((byte)(bytes.Length >> 8));
            o.Add((byte)bytes.Length);
        }
        else
        {
            o.Add(0xdb);
            Span<byte> b = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(b, (uint)bytes.Length);
            o.AddRange(b.ToArray());
        }

        o.AddRange(bytes);
    }

    private static byte[] Framed(List<byte> body)
    {
        var framed = new List<byte>(body.Count + 5);
        var length = body.Count;
        do
        {
            var b = (byte)(length & 0x7f);
            length >>= 7;
            framed.Add(length > 0 ? (byte)(b | 0x80) : b);
        }
        while (length > 0);
        framed.AddRange(body);
        return [.. framed];
    }
}
