using MimeKit;

namespace InnovationCases.Features.Notifications;

/// <summary>Is this an address the dispatcher can send to? The admin's user form asks before storing one.</summary>
public static class MailAddresses
{
    /// <summary>A bare address (no display name, no spaces or control characters) that MimeKit parses to itself.</summary>
    public static bool IsDeliverable(string address) =>
        !address.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)) &&
        MailboxAddress.TryParse(address, out var parsed) && parsed.Address == address && address.IndexOf('@') is > 0 and var at && at < address.Length - 1;
}
