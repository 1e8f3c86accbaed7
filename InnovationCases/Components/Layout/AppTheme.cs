using MudBlazor;

namespace InnovationCases.Components.Layout;

/// <summary>The app's colours: Aarhus blue, with contrast that passes WCAG AA on text.</summary>
public static class AppTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#00539b",
            Secondary = "#6d4c41",
            AppbarBackground = "#00539b",
            Success = "#1b5e20",
            Warning = "#8a4b00",
            Error = "#b00020",
            Info = "#01579b",
            TextSecondary = "rgba(0,0,0,0.70)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica", "Arial", "sans-serif"] },
        },
    };
}
