namespace InnovationCases.Features.Notifications;

public enum MailMode
{
    Off,
    Pickup,
    Smtp,
}
