using InnovationCases.Resources;

namespace InnovationCases.Tests.Features.Delivery;

/// <summary>The Danish messages the delivery tests expect, named once.</summary>
internal static class DeliveryTextFor
{
    public static string LowerTarget => DeliveryText.Val_TargetDirectionLower;
}
